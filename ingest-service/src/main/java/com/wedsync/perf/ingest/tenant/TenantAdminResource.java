package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.service.tenant.TenantDirectory;

import com.wedsync.perf.service.auth.OpsAuthorization;

import com.wedsync.perf.service.api.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/** Registers and updates tenants (ops only); the record goes to the compacted tenants topic. */
@Path("/v1/admin/tenants/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

    private final OpsAuthorization ops;
    private final TenantRegistration registration;
    private final TenantDirectory directory;

    public TenantAdminResource(OpsAuthorization ops, TenantRegistration registration, TenantDirectory directory) {
        this.ops = ops;
        this.registration = registration;
        this.directory = directory;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<TenantView> put(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                           @PathParam("id") String id, TenantRequest request) {
        ops.require(authorization);
        if (request == null) {
            throw ApiException.badRequest("missing_body", "a JSON body with the tenant's name is required");
        }
        return registration.register(id, request);
    }

    @GET
    public TenantView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        ops.require(authorization);
        return directory.byId(id).map(tenant -> TenantView.of(tenant, null, null))
                .orElseThrow(() -> new ApiException(404, "unknown_tenant", "no tenant '" + id + "'"));
    }
}

package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.service.tenant.TenantDirectory;

import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.model.event.TenantConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Lists, registers and updates tenants (ops only); the record goes to the compacted tenants topic. */
@Path("/v1/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Access(Grant.OPS)
public class TenantAdminResource {

    private final TenantRegistration registration;
    private final TenantDirectory directory;
    private final CurrentCaller caller;

    public TenantAdminResource(TenantRegistration registration, TenantDirectory directory, CurrentCaller caller) {
        this.caller = caller;
        this.registration = registration;
        this.directory = directory;
    }

    /** Every tenant, by id (never a secret): the console's tenant list. */
    @GET
    public List<TenantView> list() {
        return directory.all().stream().sorted(Comparator.comparing(TenantConfig::tenantId))
                .map(tenant -> TenantView.of(tenant, java.util.Map.of())).toList();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<TenantView> put(@PathParam("id") String id, TenantRequest request) {
        if (request == null) {
            throw ApiException.badRequest("missing_body", "a JSON body with the tenant's name is required");
        }
        return registration.register(id, request, caller.get().name());
    }

    @GET
    @Path("{id}")
    public TenantView get(@PathParam("id") String id) {
        return directory.byId(id).map(tenant -> TenantView.of(tenant, java.util.Map.of()))
                .orElseThrow(() -> new ApiException(404, "unknown_tenant", "no tenant '" + id + "'"));
    }
}

package com.wedsync.perf.ingest.limit;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.ReadAccess;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What a tenant used of its daily limits on this ingest instance: for its admins (read token) and ops. */
@Path("/v1/tenants/{id}/usage")
@Produces(MediaType.APPLICATION_JSON)
public class TenantUsageResource {

    private final ReadAccess access;
    private final TenantDirectory tenants;
    private final CardinalityBudget cardinality;

    public TenantUsageResource(ReadAccess access, TenantDirectory tenants, CardinalityBudget cardinality) {
        this.access = access;
        this.tenants = tenants;
        this.cardinality = cardinality;
    }

    @GET
    @Operation(summary = "Distinct routes and operations today against the tenant's limits, and how many metrics and "
            + "timings went to /:other and other because of them")
    public CardinalityBudget.Usage usage(@PathParam("id") String tenant,
                                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        access.requireTenant(authorization, tenant);
        return cardinality.usage(tenants.byId(tenant)
                .orElseThrow(() -> ApiException.notFound("no data for tenant '" + tenant + "'")));
    }
}

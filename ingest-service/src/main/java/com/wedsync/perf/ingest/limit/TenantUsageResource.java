package com.wedsync.perf.ingest.limit;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What a tenant used of its daily limits on this ingest instance: for its admins (any tenant token) and ops. */
@Path("/v1/tenants/{id}/usage")
@Produces(MediaType.APPLICATION_JSON)
public class TenantUsageResource {

    private final CurrentCaller caller;
    private final TenantDirectory tenants;
    private final CardinalityBudget cardinality;

    public TenantUsageResource(CurrentCaller caller, TenantDirectory tenants, CardinalityBudget cardinality) {
        this.caller = caller;
        this.tenants = tenants;
        this.cardinality = cardinality;
    }

    @GET
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "Distinct routes and operations today against the tenant's limits, and how many metrics and "
            + "timings went to /:other and other because of them")
    public CardinalityBudget.Usage usage(@PathParam("id") String tenant) {
        caller.get().requireTenant(tenant);
        return cardinality.usage(tenants.byId(tenant)
                .orElseThrow(() -> ApiException.notFound("no data for tenant '" + tenant + "'")));
    }
}

package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The wedding-day objectives' budgets over a window: a tenant's operations, or (ops) the platform's. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SloResource {

    private final TrendService trends;
    private final CurrentCaller caller;

    public SloResource(TrendService trends, CurrentCaller caller) {
        this.trends = trends;
        this.caller = caller;
    }

    @GET
    @Path("/slo")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "Per operation: requests within its wedding-day objective, errors, and the latency and error "
            + "budget left over a window (default 24h); without a tenant (ops only) per operation across all tenants")
    public SloView slo(@QueryParam("tenant") String tenant, @QueryParam("window") String window) {
        Instant to = Instant.now();
        Instant from = to.minus(window == null ? Duration.ofHours(24) : TrendResource.window(window));
        if (tenant == null || tenant.isBlank()) {
            if (!caller.get().isOps()) {
                throw ApiException.forbidden("ops_only", "the platform's objectives are for ops; name your tenant");
            }
            return SloView.of(null, from, to, trends.operationPartials(null, from, to, caller.authorization()), true);
        }
        String checked = tenant.strip();
        caller.get().requireTenant(checked);
        return SloView.of(checked, from, to, trends.operationPartials(checked, from, to, caller.authorization()), false);
    }

    @GET
    @Path("/internal/operation-partials")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(hidden = true)
    public List<OperationPartial> operationPartials(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                                                    @QueryParam("to") String to) {
        if (tenant == null || tenant.isBlank()) {
            if (!caller.get().isOps()) {
                throw ApiException.forbidden("ops_only", "every tenant's operations are for ops");
            }
        } else {
            caller.get().requireTenant(tenant.strip());
        }
        Instant end = TrendQuery.instant(to, "to", Instant.now());
        return trends.localOperationPartials(tenant == null || tenant.isBlank() ? null : tenant.strip(),
                TrendQuery.instant(from, "from", end.minus(Duration.ofHours(24))), end);
    }
}

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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What to do first on a tenant's pages ({@link AdviceRules}), ranked by the poor experiences it would avoid. */
@Path("/v1/recommendations/pages")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationsResource {

    private final Recommendations recommendations;
    private final CurrentCaller caller;

    public RecommendationsResource(Recommendations recommendations, CurrentCaller caller) {
        this.recommendations = recommendations;
        this.caller = caller;
    }

    @GET
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "Concrete actions per route with their evidence and the poor experiences a day each would "
            + "avoid, largest gain first, over a window (default 24h)")
    public RecommendationsView pages(@QueryParam("tenant") String tenant, @QueryParam("window") String window) {
        if (tenant == null || tenant.isBlank()) {
            throw ApiException.badRequest("missing_tenant", "query parameter 'tenant' is required");
        }
        String checked = tenant.strip();
        caller.get().requireTenant(checked);
        Instant to = Instant.now();
        return recommendations.pages(checked, to.minus(TrendResource.window(window)), to, window, caller.authorization());
    }
}

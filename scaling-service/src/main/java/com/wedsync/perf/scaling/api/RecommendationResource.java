package com.wedsync.perf.scaling.api;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.scaling.engine.RecommendationStore;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Capacity recommendations: the plan in force, past ones with their outcome, and a KEDA metrics-api endpoint. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    /** The answer of GET /v1/recommendations. */
    public record Plan(String tenant, ScalingRecommendation current, List<ScalingRecommendation> upcoming,
                       List<RecommendationStore.Stored> past) {
    }

    private final RecommendationStore recommendations;
    private final TenantScope scope;

    public RecommendationResource(RecommendationStore recommendations, TenantScope scope) {
        this.recommendations = recommendations;
        this.scope = scope;
    }

    @GET
    @Path("/recommendations")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "The recommendation in force now, the upcoming ones (each with its reason), and past ones with "
            + "how they compared with the load that came")
    public Plan recommendations(@QueryParam("tenant") String tenant) {
        String which = scope.require(tenant);
        Instant now = Instant.now();
        List<ScalingRecommendation> plan = recommendations.current(which, now).stream()
                .map(RecommendationStore.Stored::recommendation).toList();
        if (plan.isEmpty()) {
            throw ApiException.unavailable("no recommendation for '" + which + "' yet", 5);
        }
        ScalingRecommendation current = plan.stream().filter(r -> !r.effectiveFrom().isAfter(now)).findFirst().orElse(plan.get(0));
        return new Plan(which, current, plan.stream().filter(r -> r != current).toList(), recommendations.past(which, now, 24));
    }

    @GET
    @Path("/keda/{tenant}")
    @Access({Grant.OPS, Grant.KEDA, Grant.TENANT_READ})
    @Operation(summary = "The recommendation in force as flat numbers, for KEDA's metrics-api scaler "
            + "(valueLocation: instances, targetValue: 1); the KEDA token, the ops token or the tenant's read token")
    public Map<String, Object> keda(@PathParam("tenant") String tenant) {
        String which = scope.require(tenant);
        Instant now = Instant.now();
        ScalingRecommendation current = recommendations.current(which, now).stream()
                .map(RecommendationStore.Stored::recommendation).filter(r -> !r.effectiveFrom().isAfter(now)).findFirst()
                .orElseThrow(() -> ApiException.unavailable("no recommendation in force for '" + which + "' yet", 5));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tenant", which);
        values.put("instances", current.instances());
        values.put("dbConnections", current.dbConnections());
        values.put("cacheMb", current.cacheMb());
        values.put("monitoringIntervalSeconds", current.monitoringIntervalSeconds());
        values.put("emergency", current.emergency());
        values.put("effectiveUntil", current.effectiveUntil());
        return values;
    }
}

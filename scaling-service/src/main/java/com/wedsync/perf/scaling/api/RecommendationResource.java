package com.wedsync.perf.scaling.api;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.scaling.engine.RecommendationRecord;
import com.wedsync.perf.scaling.engine.RecommendationStore;
import com.wedsync.perf.scaling.response.ResponseReview;
import com.wedsync.perf.scaling.response.ScaleUpEffect;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Capacity recommendations: the plan in force, past ones with their outcome, and a KEDA metrics-api endpoint. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    /** The answer of GET /v1/recommendations. */
    public record Plan(String tenant, ScalingRecommendation current, List<ScalingRecommendation> upcoming,
                       List<RecommendationStore.Stored> past, List<ScaleUpView> scaleUps) {
    }

    /**
     * A scale-up of the last week (oldest first) and whether it helped.
     *
     * @param effect its measured effect, or null while it is being measured ({@code measuredFrom} says when)
     */
    public record ScaleUpView(UUID id, Instant effectiveFrom, int previousInstances, int instances, String reason,
                              ScaleUpEffect effect, Instant measuredFrom) {

        static ScaleUpView of(RecommendationRecord row) {
            ScaleUpEffect effect = ResponseReview.readScaleUp(row.effect);
            return new ScaleUpView(row.id, row.effectiveFrom, row.previousInstances, row.instances, row.reason, effect,
                    effect == null ? row.effectiveFrom.plus(ResponseReview.WINDOW).plus(ResponseReview.LAG) : null);
        }
    }

    static final Duration SCALE_UPS_SHOWN = Duration.ofDays(7);

    private final RecommendationStore recommendations;
    private final TenantScope scope;

    public RecommendationResource(RecommendationStore recommendations, TenantScope scope) {
        this.recommendations = recommendations;
        this.scope = scope;
    }

    @GET
    @Path("/recommendations")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "The recommendation in force now, the upcoming ones (each with its reason), past ones with "
            + "how they compared with the load that came, and the last week's scale-ups with whether each helped: every "
            + "operation's p95 and burn rate in the 10 minutes before against the 10 after (Mann-Whitney U, Holm across "
            + "operations)")
    public Plan recommendations(@QueryParam("tenant") String tenant) {
        String which = scope.require(tenant);
        Instant now = Instant.now();
        List<ScalingRecommendation> plan = recommendations.current(which, now).stream()
                .map(RecommendationStore.Stored::recommendation).toList();
        if (plan.isEmpty()) {
            throw ApiException.unavailable("no recommendation for '" + which + "' yet", 5);
        }
        ScalingRecommendation current = plan.stream().filter(r -> !r.effectiveFrom().isAfter(now)).findFirst().orElse(plan.get(0));
        List<ScaleUpView> scaleUps = recommendations.scaleUps(which, now.minus(SCALE_UPS_SHOWN), now.plusSeconds(1), false)
                .stream().map(ScaleUpView::of).toList();
        return new Plan(which, current, plan.stream().filter(r -> r != current).toList(), recommendations.past(which, now, 24),
                scaleUps);
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

package com.wedsync.perf.scaling.api;

import com.wedsync.perf.scaling.engine.Emergencies;
import com.wedsync.perf.scaling.engine.EmergencyRecord;
import com.wedsync.perf.scaling.response.ResponseEffect;
import com.wedsync.perf.scaling.response.ResponseReview;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
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

/** A tenant's emergencies and whether each helped: the affected operation before and after, with a verdict. */
@Path("/v1/emergencies")
@Produces(MediaType.APPLICATION_JSON)
public class EmergencyResource {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    /**
     * @param effect the measured effect, or null while it is being measured ({@code measuredFrom} says when)
     */
    public record EmergencyView(String alertId, String tenant, String weddingId, String summary, String operation,
                                Instant startedAt, Instant endedAt, ResponseEffect effect, Instant measuredFrom) {
    }

    private final Emergencies emergencies;
    private final TenantScope scope;

    public EmergencyResource(Emergencies emergencies, TenantScope scope) {
        this.emergencies = emergencies;
        this.scope = scope;
    }

    @GET
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "The tenant's emergencies of the last days (default 7), newest first, each with its effect: "
            + "the affected operation's p95 and burn rate in the 10 minutes before against the 10 after, and a verdict "
            + "(helped / no effect / worse, Mann-Whitney U at p ≤ 0.05)")
    public List<EmergencyView> emergencies(@QueryParam("tenant") String tenant, @QueryParam("days") Integer days) {
        String checked = scope.require(tenant);
        if (days != null && (days < 1 || days > 90)) {
            throw ApiException.badRequest("invalid_days", "days must be between 1 and 90");
        }
        Instant now = Instant.now();
        Duration window = days == null ? DEFAULT_WINDOW : Duration.ofDays(days);
        return emergencies.of(checked, now.minus(window), now.plusSeconds(1)).stream().map(EmergencyResource::view).toList();
    }

    private static EmergencyView view(EmergencyRecord e) {
        return new EmergencyView(e.alertId, e.tenant, e.weddingId, e.summary, e.metric, e.startedAt, e.endedAt,
                ResponseReview.read(e.effect), e.effect == null ? e.startedAt.plus(ResponseReview.WINDOW)
                .plus(ResponseReview.LAG) : null);
    }
}

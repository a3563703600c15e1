package com.wedsync.perf.scaling.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.wedsync.perf.model.serde.Json;
import com.wedsync.perf.model.slo.OperationObjective;
import com.wedsync.perf.model.slo.OperationObjectives;
import com.wedsync.perf.scaling.engine.Emergencies;
import com.wedsync.perf.scaling.engine.EmergencyRecord;
import com.wedsync.perf.scaling.engine.RecommendationRecord;
import com.wedsync.perf.scaling.engine.RecommendationStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Measures each automated response's effect once its after-window has closed, kept with the response: an emergency
 * by its affected operation, a scale-up by each of the tenant's operations ({@link ScaleUpEffect}) — {@link #WINDOW}
 * of minutes before it against the same length after it took effect ({@link #LAG} later). Every instance may
 * measure; the first to record it wins, and all compute the same.
 */
@ApplicationScoped
public class ResponseReview {

    /** Minutes compared on each side. */
    public static final Duration WINDOW = Duration.ofMinutes(10);
    /** From the emergency's start to its effect: the recommendation is out in seconds, capacity follows within a minute. */
    public static final Duration LAG = Duration.ofMinutes(1);
    /** The last after-minute must have closed in the aggregation (its grace) and reached this service. */
    static final Duration SETTLE = Duration.ofMinutes(2);
    /** Minutes may still be on their way (a lagging or restarted intake): too few is only final after this. */
    static final Duration WAIT_FOR_MINUTES = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(ResponseReview.class);

    private final Emergencies emergencies;
    private final RecommendationStore recommendations;
    private final OperationMinutes minutes;
    private final Clock clock = Clock.systemUTC();

    public ResponseReview(Emergencies emergencies, RecommendationStore recommendations, OperationMinutes minutes) {
        this.emergencies = emergencies;
        this.recommendations = recommendations;
        this.minutes = minutes;
    }

    @Scheduled(every = "${scaling.response-review-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void review() {
        try {
            measureDue(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("measuring responses failed, next round retries: %s", e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldMinutes() {
        minutes.forget(clock.instant().minus(OperationMinutes.KEEP));
    }

    /** Measures every emergency and scale-up whose after-window closed by {@code now}; answers how many. */
    public int measureDue(Instant now) {
        Instant oldest = now.minus(OperationMinutes.KEEP);
        Instant closed = now.minus(WINDOW).minus(LAG).minus(SETTLE);
        int measured = 0;
        for (EmergencyRecord emergency : emergencies.unmeasured(oldest, closed)) {
            ResponseEffect effect = measure(emergency);
            if (isFinal(effect.verdict(), emergency.startedAt, now)) {
                emergencies.recordEffect(emergency.alertId, json(effect));
                measured++;
            }
        }
        for (RecommendationRecord scaleUp : recommendations.scaleUps(null, oldest, closed, true)) {
            ScaleUpEffect effect = measure(scaleUp);
            if (isFinal(effect.verdict(), scaleUp.effectiveFrom, now)) {
                recommendations.recordEffect(scaleUp.id, json(effect));
                measured++;
            }
        }
        return measured;
    }

    /** Too few minutes is only final once late minutes can no longer arrive. */
    private static boolean isFinal(String verdict, Instant respondedAt, Instant now) {
        Instant dueAt = respondedAt.plus(WINDOW).plus(LAG).plus(SETTLE);
        return !"unmeasured".equals(verdict) || !now.isBefore(dueAt.plus(WAIT_FOR_MINUTES));
    }

    ScaleUpEffect measure(RecommendationRecord scaleUp) {
        Instant start = scaleUp.effectiveFrom.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant effective = start.plus(LAG);
        String response = "scale-up " + scaleUp.previousInstances + " → " + scaleUp.instances + " instances";
        List<ResponseEffect> each = minutes.operations(scaleUp.tenant, start.minus(WINDOW), effective.plus(WINDOW))
                .stream().map(operation -> ResponseEffect.of(response, operation, OperationObjectives.of(operation),
                        scaleUp.effectiveFrom, minutes.between(scaleUp.tenant, operation, start.minus(WINDOW), start),
                        minutes.between(scaleUp.tenant, operation, effective, effective.plus(WINDOW))))
                .toList();
        return ScaleUpEffect.of(response, scaleUp.effectiveFrom, each);
    }

    ResponseEffect measure(EmergencyRecord emergency) {
        String operation = emergency.metric == null ? com.wedsync.perf.model.event.TrendKey.ALL : emergency.metric;
        OperationObjective objective = OperationObjectives.of(operation);
        Instant start = emergency.startedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant effective = start.plus(LAG);
        return ResponseEffect.of("emergency", operation, objective, emergency.startedAt,
                minutes.between(emergency.tenant, operation, start.minus(WINDOW), start),
                minutes.between(emergency.tenant, operation, effective, effective.plus(WINDOW)));
    }

    public static ResponseEffect read(String effect) {
        return read(effect, ResponseEffect.class);
    }

    public static ScaleUpEffect readScaleUp(String effect) {
        return read(effect, ScaleUpEffect.class);
    }

    private static <T> T read(String effect, Class<T> type) {
        try {
            return effect == null ? null : Json.mapper().readValue(effect, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable response effect: " + e.getMessage(), e);
        }
    }

    private static String json(Object effect) {
        try {
            return Json.mapper().writeValueAsString(effect);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response effect: " + e.getMessage(), e);
        }
    }
}

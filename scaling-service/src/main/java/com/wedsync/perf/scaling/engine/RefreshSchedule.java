package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.scaling.load.LoadStore;
import com.wedsync.perf.scaling.load.ScalingIntake;
import com.wedsync.perf.scaling.wedding.WeddingBook;
import com.wedsync.perf.service.tenant.TenantDirectory;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * When forecasts are made: every hour (a minute past, {@code scaling.refresh-cron}), and within seconds of a wedding being published,
 * changed or cancelled, or an emergency starting or ending. Publishing, outcome review and forgetting old load
 * (70 days) and forecasts (90 days) ride along.
 */
@ApplicationScoped
public class RefreshSchedule {

    private static final Logger LOG = Logger.getLogger(RefreshSchedule.class);
    private static final Duration KEEP_LOAD = Duration.ofDays(70);
    private static final Duration KEEP_FORECASTS = Duration.ofDays(90);

    private final ScalingEngine engine;
    private final OutcomeReview outcomes;
    private final LoadStore load;
    private final PredictionStore predictions;
    private final WeddingBook weddings;
    private final TenantDirectory tenants;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean due = new AtomicBoolean(true);

    public RefreshSchedule(ScalingEngine engine, OutcomeReview outcomes, LoadStore load,
                           PredictionStore predictions, WeddingBook weddings, TenantDirectory tenants) {
        this.predictions = predictions;
        this.engine = engine;
        this.outcomes = outcomes;
        this.load = load;
        this.weddings = weddings;
        this.tenants = tenants;
    }

    void weddingsChanged(@Observes WeddingBook.WeddingsChanged changed) {
        due.set(true);
    }

    void emergencyChanged(@Observes ScalingIntake.EmergencyChanged changed) {
        due.set(true);
    }

    @Scheduled(cron = "${scaling.refresh-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        due.set(true);
        try {
            outcomes.review(clock.instant());
            load.forget(clock.instant().minus(KEEP_LOAD));
            predictions.forget(clock.instant().minus(KEEP_FORECASTS));
        } catch (RuntimeException e) {
            LOG.warnf("outcome review failed: %s", e.getMessage());
        }
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!weddings.isLoaded() || !tenants.isLoaded()) {
            return;
        }
        if (due.getAndSet(false)) {
            try {
                engine.refresh(clock.instant());
            } catch (RuntimeException e) {
                due.set(true);
                LOG.warnf("forecast refresh failed, retrying: %s", e.getMessage());
            }
        }
    }
}

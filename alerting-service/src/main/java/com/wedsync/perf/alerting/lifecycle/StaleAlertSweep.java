package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.alerting.rules.HourHistory;
import com.wedsync.perf.alerting.rules.ServerMinutes;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Once a minute, resolves open alerts whose series has sent nothing for {@code alerting.stale-after}, and drops hours the regression rule no longer needs. */
@ApplicationScoped
public class StaleAlertSweep {

    private static final Logger LOG = Logger.getLogger(StaleAlertSweep.class);
    /** The regression rule looks 7 days back; two more days cover late hours. */
    private static final Duration HOURS_KEPT = Duration.ofDays(9);
    /** The longest burn-rate window is 3 days. */
    private static final Duration MINUTES_KEPT = Duration.ofDays(4);

    private final AlertActions actions;
    private final HourHistory hours;
    private final ServerMinutes serverMinutes;
    private final AlertingConfig config;

    public StaleAlertSweep(AlertActions actions, HourHistory hours, ServerMinutes serverMinutes, AlertingConfig config) {
        this.actions = actions;
        this.hours = hours;
        this.serverMinutes = serverMinutes;
        this.config = config;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int resolved = actions.resolveSilentSince(Instant.now().minus(config.staleAfter()));
            if (resolved > 0) {
                LOG.infof("resolved %d alerts without data for %s", resolved, config.staleAfter());
            }
            hours.purgeBefore(Instant.now().minus(HOURS_KEPT));
            serverMinutes.purgeBefore(Instant.now().minus(MINUTES_KEPT));
        } catch (RuntimeException e) {
            LOG.warnf("stale-alert sweep failed: %s", e.getMessage());
        }
    }
}

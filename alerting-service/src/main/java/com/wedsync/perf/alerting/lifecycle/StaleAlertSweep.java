package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.alerting.AlertingConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Once a minute, resolves open alerts whose series has sent nothing for {@code alerting.stale-after}. */
@ApplicationScoped
public class StaleAlertSweep {

    private static final Logger LOG = Logger.getLogger(StaleAlertSweep.class);

    private final AlertActions actions;
    private final AlertingConfig config;

    public StaleAlertSweep(AlertActions actions, AlertingConfig config) {
        this.actions = actions;
        this.config = config;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int resolved = actions.resolveSilentSince(Instant.now().minus(config.staleAfter()));
            if (resolved > 0) {
                LOG.infof("resolved %d alerts without data for %s", resolved, config.staleAfter());
            }
        } catch (RuntimeException e) {
            LOG.warnf("stale-alert sweep failed: %s", e.getMessage());
        }
    }
}

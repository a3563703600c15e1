package com.wedsync.perf.service.retention;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a service's {@link RetentionRules} every {@code perf.retention.every} (1 h) against rows older than
 * {@code perf.retention.keep} (90 days); on where {@code perf.retention.enabled=true}.
 */
@Singleton
@IfBuildProperty(name = "perf.retention.enabled", stringValue = "true")
public class Retention {

    private final RetentionSweep sweep;
    private final Duration keep;

    public Retention(DataSource db, RetentionRules rules, @ConfigProperty(name = "perf.retention.keep") Duration keep) {
        this.sweep = new RetentionSweep(db, rules.lockKey(), rules.rules());
        this.keep = keep;
    }

    @Scheduled(every = "${perf.retention.every}", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        sweep(Instant.now());
    }

    /** Sweeps as if it were {@code now}: rows deleted per rule, or empty when another instance is sweeping. */
    public Optional<Map<String, Integer>> sweep(Instant now) {
        return sweep.sweep(now, keep);
    }
}

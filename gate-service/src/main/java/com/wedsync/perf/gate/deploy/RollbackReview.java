package com.wedsync.perf.gate.deploy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Measures each rollback recommendation's effect ({@link RollbackEffect}) once the minutes after the rollback have
 * closed: the project's next deployment to the environment within {@link #WAIT} of the recommended one's
 * after-window is taken as the rollback; with none, the minutes after the recommendation are measured, and the
 * effect says so. Every instance may measure; the first to record it wins, and all compute the same.
 */
@ApplicationScoped
public class RollbackReview {

    /** How long a rollback may take to follow the recommendation before the recommendation alone is measured. */
    static final Duration WAIT = Duration.ofHours(1);
    /** From the rollback's start to its effect: instances replaced within a minute. */
    static final Duration LAG = Duration.ofMinutes(1);
    /** Recommendations older than this are no longer measured. */
    static final Duration KEEP = Duration.ofDays(2);

    private static final Logger LOG = Logger.getLogger(RollbackReview.class);

    private final DeploymentStore deployments;
    private final TrendMinutes minutes;
    private final Duration window;
    private final Duration settle;
    private final int minMinutes;

    public RollbackReview(DeploymentStore deployments, TrendMinutes minutes,
                          @ConfigProperty(name = "gate.deploy.window", defaultValue = "15m") Duration window,
                          @ConfigProperty(name = "gate.deploy.settle", defaultValue = "2m") Duration settle,
                          @ConfigProperty(name = "gate.deploy.min-minutes", defaultValue = "5") int minMinutes) {
        this.deployments = deployments;
        this.minutes = minutes;
        this.window = window;
        this.settle = settle;
        this.minMinutes = minMinutes;
    }

    @Scheduled(every = "${gate.deploy.poll:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void review() {
        try {
            measureDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("measuring rollback recommendations paused: %s", e.getMessage());
        }
    }

    /** Measures every rollback recommendation whose after-minutes have closed by {@code now}; answers how many. */
    public int measureDue(Instant now) {
        int measured = 0;
        for (Deployment recommended : deployments.awaitingEffect(now.minus(KEEP))) {
            Instant windowEnd = recommended.at().plus(window);
            Optional<Deployment> rollback = deployments.next(recommended.project(), recommended.environment(), windowEnd,
                    windowEnd.plus(WAIT));
            if (rollback.isEmpty() && now.isBefore(recommended.decidedAt().plus(WAIT))) {
                continue;
            }
            Instant from = rollback.map(Deployment::at).orElse(recommended.decidedAt()).plus(LAG);
            if (now.isBefore(from.plus(window).plus(settle))) {
                continue;
            }
            deployments.recordEffect(recommended.id(), measure(recommended, rollback.orElse(null), from));
            measured++;
        }
        return measured;
    }

    private RollbackEffect measure(Deployment recommended, Deployment rollback, Instant from) {
        Set<List<String>> regressed = new LinkedHashSet<>();
        recommended.evidence().stream().filter(PostDeployCheck.Finding::rollback)
                .forEach(f -> regressed.add(List.of(f.tenant(), f.metric())));
        List<RollbackEffect.Minutes> sides = new ArrayList<>();
        for (List<String> tenantMetric : regressed) {
            String tenant = tenantMetric.get(0);
            String metric = tenantMetric.get(1);
            sides.add(new RollbackEffect.Minutes(tenant, metric,
                    minutes.p75s(tenant, metric, recommended.at(), recommended.at().plus(window), 1),
                    minutes.p75s(tenant, metric, from, from.plus(window), 1)));
        }
        return RollbackEffect.of(recommended.version(), recommended.decidedAt(),
                rollback == null ? null : rollback.version(), rollback == null ? null : rollback.at(), from, sides,
                minMinutes);
    }
}

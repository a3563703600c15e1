package com.wedsync.perf.alerting.delivery;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs the {@link Dispatcher} every {@code alerting.delivery.poll} (250 ms): one message per transaction, lane after
 * lane, for at most five seconds a round, so one busy round cannot hold the scheduler.
 */
@ApplicationScoped
public class DispatchSchedule {

    private static final Logger LOG = Logger.getLogger(DispatchSchedule.class);
    private static final Duration BUSY_FOR = Duration.ofSeconds(5);

    private final Dispatcher dispatcher;

    public DispatchSchedule(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(every = "${alerting.delivery.poll:250ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void dispatch() {
        long deadline = System.nanoTime() + BUSY_FOR.toNanos();
        try {
            while (System.nanoTime() < deadline && dispatcher.deliverNext()) {
                // the next lane (or the same one, once its pause is over) follows
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("dispatching paused: %s", e.getMessage());
        }
    }
}

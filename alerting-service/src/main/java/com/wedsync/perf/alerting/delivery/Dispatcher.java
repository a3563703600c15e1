package com.wedsync.perf.alerting.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.alerting.AlertingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends the outbox, at least once and in order per destination (so in order per alert). Each destination is a lane
 * that one instance at a time holds (row lock, {@code SKIP LOCKED}) while it sends the lane's oldest message; the lane
 * then waits — a second for a Slack webhook, the receiver's Retry-After after a 429, an exponential back-off with
 * jitter after a 5xx or no answer. A 4xx other than 429 fails that message for good; the lane goes on.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryQueue queue;
    private final Sender sender;
    private final ObjectMapper json;
    private final AlertingConfig config;
    private final MeterRegistry metrics;

    public Dispatcher(DeliveryQueue queue, Sender sender, ObjectMapper json, AlertingConfig config, MeterRegistry metrics) {
        this.queue = queue;
        this.sender = sender;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
    }

    /** Sends the oldest message of one ready lane, in a transaction of its own; false when no lane is ready. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deliverNext() throws IOException {
        Optional<DeliveryQueue.Lane> ready = queue.takeReadyLane();
        if (ready.isEmpty()) {
            return false;
        }
        DeliveryQueue.Lane lane = ready.get();
        Optional<DeliveryQueue.Pending> pending = queue.oldest(lane);
        if (pending.isEmpty()) {
            return true;
        }
        Notification notification = json.readValue(pending.get().payload(), Notification.class);
        Destination destination = Destination.parse(lane.destination());
        Outcome outcome = sender.send(destination, notification);
        record(pending.get(), lane, destination, outcome);
        metrics.counter("alerting.deliveries", "channel", destination.channel().name().toLowerCase(),
                "outcome", outcome.kind().name().toLowerCase()).increment();
        return true;
    }

    private void record(DeliveryQueue.Pending message, DeliveryQueue.Lane lane, Destination destination, Outcome outcome) {
        Duration pause = switch (outcome.kind()) {
            case SENT, FAILED -> interval(destination);
            case RETRY -> outcome.retryAfter() != null ? outcome.retryAfter() : backoff(lane.failures() + 1);
        };
        String state = switch (outcome.kind()) {
            case SENT -> "SENT";
            case FAILED -> "FAILED";
            case RETRY -> "PENDING";
        };
        queue.record(message, lane, state, outcome.error(), pause,
                outcome.kind() == Outcome.Kind.RETRY ? lane.failures() + 1 : 0);
        if (outcome.kind() == Outcome.Kind.FAILED) {
            LOG.warnf("notification %d to %s failed for good: %s", message.id(), destination.channel(), outcome.error());
        } else if (outcome.kind() == Outcome.Kind.RETRY) {
            LOG.infof("notification %d to %s will be retried in %s: %s", message.id(), destination.channel(), pause,
                    outcome.error());
        }
    }

    private Duration interval(Destination destination) {
        return destination.isSlack() ? config.delivery().slackInterval() : Duration.ZERO;
    }

    /** 1 s, 2 s, 4 s … up to the configured maximum, each times a random factor in [0.5, 1.5). */
    private Duration backoff(int attempt) {
        long base = Math.min(config.delivery().maxBackoff().toMillis(), 1000L << Math.min(attempt - 1, 20));
        return Duration.ofMillis((long) (base * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }
}

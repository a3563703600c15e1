package com.wedsync.perf.alerting.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.alerting.AlertingConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
    private static final Duration BUSY_FOR = Duration.ofSeconds(5);

    private final AgroalDataSource db;
    private final Sender sender;
    private final ObjectMapper json;
    private final AlertingConfig config;
    private final MeterRegistry metrics;

    public Dispatcher(AgroalDataSource db, Sender sender, ObjectMapper json, AlertingConfig config, MeterRegistry metrics) {
        this.db = db;
        this.sender = sender;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${alerting.delivery.poll:250ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void dispatch() {
        long deadline = System.nanoTime() + BUSY_FOR.toNanos();
        try {
            while (System.nanoTime() < deadline && QuarkusTransaction.requiringNew().call(this::deliverNext)) {
                // one message per transaction; the next lane (or the same one, once its pause is over) follows
            }
        } catch (RuntimeException e) {
            LOG.warnf("dispatching paused: %s", e.getMessage());
        }
    }

    /** Sends the oldest message of one ready lane; false when no lane is ready. */
    private boolean deliverNext() throws SQLException, IOException {
        try (Connection c = db.getConnection()) {
            String lane;
            int failures;
            try (PreparedStatement s = c.prepareStatement("SELECT l.destination, l.consecutive_failures FROM delivery_lanes l "
                    + "WHERE l.next_attempt_at <= now() AND EXISTS (SELECT 1 FROM outbox o WHERE o.destination = l.destination "
                    + "AND o.state = 'PENDING') ORDER BY l.next_attempt_at LIMIT 1 FOR UPDATE OF l SKIP LOCKED");
                 ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return false;
                }
                lane = r.getString(1);
                failures = r.getInt(2);
            }
            long id;
            Notification notification;
            try (PreparedStatement s = c.prepareStatement("SELECT id, payload FROM outbox WHERE destination = ? "
                    + "AND state = 'PENDING' ORDER BY id LIMIT 1")) {
                s.setString(1, lane);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return true;
                    }
                    id = r.getLong(1);
                    notification = json.readValue(r.getString(2), Notification.class);
                }
            }
            Destination destination = Destination.parse(lane);
            Outcome outcome = sender.send(destination, notification);
            record(c, id, lane, failures, destination, outcome);
            metrics.counter("alerting.deliveries", "channel", destination.channel().name().toLowerCase(),
                    "outcome", outcome.kind().name().toLowerCase()).increment();
            return true;
        }
    }

    private void record(Connection c, long id, String lane, int failures, Destination destination, Outcome outcome)
            throws SQLException {
        Duration pause = switch (outcome.kind()) {
            case SENT, FAILED -> interval(destination);
            case RETRY -> outcome.retryAfter() != null ? outcome.retryAfter() : backoff(failures + 1);
        };
        String state = switch (outcome.kind()) {
            case SENT -> "SENT";
            case FAILED -> "FAILED";
            case RETRY -> "PENDING";
        };
        try (PreparedStatement row = c.prepareStatement("UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?, "
                + "sent_at = CASE WHEN ? = 'SENT' THEN now() ELSE sent_at END WHERE id = ?");
             PreparedStatement next = c.prepareStatement("UPDATE delivery_lanes SET next_attempt_at = now() + ? * interval "
                     + "'1 millisecond', consecutive_failures = ? WHERE destination = ?")) {
            row.setString(1, state);
            row.setString(2, outcome.error());
            row.setString(3, state);
            row.setLong(4, id);
            row.executeUpdate();
            next.setLong(1, pause.toMillis());
            next.setInt(2, outcome.kind() == Outcome.Kind.RETRY ? failures + 1 : 0);
            next.setString(3, lane);
            next.executeUpdate();
        }
        if (outcome.kind() == Outcome.Kind.FAILED) {
            LOG.warnf("notification %d to %s failed for good: %s", id, destination.channel(), outcome.error());
        } else if (outcome.kind() == Outcome.Kind.RETRY) {
            LOG.infof("notification %d to %s will be retried in %s: %s", id, destination.channel(), pause, outcome.error());
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

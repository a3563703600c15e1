package com.wedsync.perf.alerting.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery outbox as a queue of lanes, one per destination ({@code delivery_lanes}, {@code outbox}). Native SQL on
 * purpose: a ready lane is taken with {@code FOR UPDATE SKIP LOCKED}, so instances share the lanes without sending a
 * message twice; callers hold the transaction that keeps the lane locked.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** A lane taken for this transaction: its destination and how many attempts in a row have failed. */
    public record Lane(String destination, int failures) {
    }

    /** The oldest pending message of a lane. */
    public record Pending(long id, String payload) {
    }

    /** A message as the alert's deliveries list it. */
    public record Delivered(String destination, String payload, String state, int attempts, String lastError,
                            Instant createdAt, Instant sentAt) {
    }

    private final EntityManager entities;

    public DeliveryQueue(EntityManager entities) {
        this.entities = entities;
    }

    /** Locks the lane that has waited longest among those ready with something to send. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Lane> takeReadyLane() {
        List<?> rows = entities.createNativeQuery("SELECT l.destination, l.consecutive_failures FROM delivery_lanes l "
                + "WHERE l.next_attempt_at <= now() AND EXISTS (SELECT 1 FROM outbox o WHERE o.destination = l.destination "
                + "AND o.state = 'PENDING') ORDER BY l.next_attempt_at LIMIT 1 FOR UPDATE OF l SKIP LOCKED").getResultList();
        return rows.stream().findFirst().map(row -> (Object[]) row)
                .map(row -> new Lane((String) row[0], ((Number) row[1]).intValue()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Pending> oldest(Lane lane) {
        List<?> rows = entities.createNativeQuery("SELECT id, payload FROM outbox WHERE destination = ?1 "
                + "AND state = 'PENDING' ORDER BY id LIMIT 1").setParameter(1, lane.destination()).getResultList();
        return rows.stream().findFirst().map(row -> (Object[]) row)
                .map(row -> new Pending(((Number) row[0]).longValue(), (String) row[1]));
    }

    /** Records how an attempt ended and when the lane may send again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Pending message, Lane lane, String state, String error, Duration pause, int failures) {
        entities.createNativeQuery("UPDATE outbox SET state = ?1, attempts = attempts + 1, last_error = ?2, "
                        + "sent_at = CASE WHEN ?1 = 'SENT' THEN now() ELSE sent_at END WHERE id = ?3")
                .setParameter(1, state).setParameter(2, error).setParameter(3, message.id()).executeUpdate();
        entities.createNativeQuery("UPDATE delivery_lanes SET next_attempt_at = now() + ?1 * interval '1 millisecond', "
                        + "consecutive_failures = ?2 WHERE destination = ?3")
                .setParameter(1, pause.toMillis()).setParameter(2, failures).setParameter(3, lane.destination())
                .executeUpdate();
    }

    /** Queues a message in the caller's transaction; a message whose dedup key is queued already is left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(UUID alertId, String destination, String payload, String dedupKey) {
        Instant now = Instant.now();
        entities.createNativeQuery("INSERT INTO delivery_lanes (destination, next_attempt_at) VALUES (?1, ?2) "
                + "ON CONFLICT (destination) DO NOTHING").setParameter(1, destination).setParameter(2, now).executeUpdate();
        entities.createNativeQuery("INSERT INTO outbox (alert_id, destination, payload, dedup_key, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (dedup_key) DO NOTHING")
                .setParameter(1, alertId).setParameter(2, destination).setParameter(3, payload).setParameter(4, dedupKey)
                .setParameter(5, now).executeUpdate();
    }

    /** Every message of one alert, oldest first. */
    @Transactional
    public List<Delivered> of(UUID alertId) {
        List<?> rows = entities.createNativeQuery("SELECT destination, payload, state, attempts, last_error, created_at, "
                + "sent_at FROM outbox WHERE alert_id = ?1 ORDER BY id").setParameter(1, alertId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new Delivered((String) row[0], (String) row[1],
                (String) row[2], ((Number) row[3]).intValue(), (String) row[4], instant(row[5]), instant(row[6]))).toList();
    }

    private static Instant instant(Object column) {
        if (column == null || column instanceof Instant) {
            return (Instant) column;
        }
        if (column instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (column instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a time: " + column.getClass());
    }
}

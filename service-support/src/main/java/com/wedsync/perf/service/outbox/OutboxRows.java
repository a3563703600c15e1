package com.wedsync.perf.service.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;

/**
 * The {@code event_outbox} table. Plain SQL on purpose: the relay's batch is a queue read under a transaction-scoped
 * advisory lock, so one instance of a service publishes at a time and events leave in the order they were written.
 */
@ApplicationScoped
@IfBuildProperty(name = "perf.outbox.enabled", stringValue = "true")
public class OutboxRows {

    /** The advisory lock of the relay; one per database, so the same number in every service. */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private final DataSource db;

    public OutboxRows(DataSource db) {
        this.db = db;
    }

    /** Queues an event in the caller's transaction; with a dedup key already queued, nothing happens. */
    public void insert(String topic, String key, byte[] payload, String dedupKey) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO event_outbox "
                + "(topic, event_key, payload, created_at, dedup_key) VALUES (?,?,?,?,?) ON CONFLICT (dedup_key) DO NOTHING")) {
            s.setString(1, topic);
            s.setString(2, key);
            s.setBytes(3, payload);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.setString(5, dedupKey);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue an event for " + topic + ": " + e.getMessage(), e);
        }
    }

    /**
     * In a transaction of its own: locks the relay, hands the oldest waiting events (at most {@code limit}) to
     * {@code publish}, which answers how many of them, from the first, Kafka took; those are marked published.
     * Answers that number, or -1 when another instance holds the relay.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int publishOldest(int limit, ToIntFunction<List<OutboxRow>> publish) {
        try (Connection c = db.getConnection()) {
            if (!relayLock(c)) {
                return -1;
            }
            List<OutboxRow> waiting = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, topic, event_key, payload FROM event_outbox "
                    + "WHERE published_at IS NULL ORDER BY id LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        waiting.add(new OutboxRow(r.getLong(1), r.getString(2), r.getString(3), r.getBytes(4)));
                    }
                }
            }
            if (waiting.isEmpty()) {
                return 0;
            }
            int taken = publish.applyAsInt(waiting);
            if (taken > 0) {
                // By id, not "id <= last": a row with a smaller id may have been committed after the read, unsent.
                try (PreparedStatement s = c.prepareStatement("UPDATE event_outbox SET published_at = now() WHERE id = ANY (?)")) {
                    s.setArray(1, c.createArrayOf("bigint", waiting.subList(0, taken).stream().map(OutboxRow::id).toArray()));
                    s.executeUpdate();
                }
            }
            return taken;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
        }
    }

    /** Events not published yet. */
    public long waiting() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM event_outbox WHERE published_at IS NULL"); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the outbox: " + e.getMessage(), e);
        }
    }

    private static boolean relayLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, RELAY_LOCK);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }
}

package com.wedsync.perf.alerting.intake;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import com.wedsync.perf.alerting.lifecycle.AlertRow;
import com.wedsync.perf.alerting.lifecycle.AlertStore;
import org.apache.kafka.common.TopicPartition;

/**
 * The next Kafka offset to apply per partition (table {@code processed_offsets}), written in the same transaction as the alert changes a record
 * causes: a record replayed after a crash or a rebalance is recognised and skipped. Plain SQL on purpose: one
 * conditional upsert per record on the intake's hot path, in the transaction {@link ApplyOnce} declares — for a trend
 * point sent together with the lock of its open alert, so the point's first two questions cost one round trip to
 * PostgreSQL, not two (each round trip wakes the backend: docs/operations.md "Persistence").
 */
@ApplicationScoped
public class OffsetLedger {

    private static final String CLAIM = "INSERT INTO processed_offsets (topic, partition, next_offset) VALUES (?, ?, ?) "
            + "ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset "
            + "WHERE processed_offsets.next_offset <= ?";
    private static final String CLAIM_AND_LOCK_OPEN = CLAIM + "; " + AlertStore.openForUpdateSql();

    /** Whether the offset was claimed (false: a replay), and the fingerprint's open alert, locked, if it has one. */
    public record Claim(boolean claimed, Optional<AlertRow> open) {
    }

    private final AgroalDataSource db;

    public OffsetLedger(AgroalDataSource db) {
        this.db = db;
    }

    /** Claims {@code offset} for this transaction; false when it was applied before (a replay). */
    public boolean claim(TopicPartition partition, long offset) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            bindClaim(s, partition, offset);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the offset of " + partition + ": " + e.getMessage(), e);
        }
    }

    /** Claims {@code offset} and locks the open alert of {@code fingerprint}, in one round trip. */
    public Claim claimAndLockOpen(TopicPartition partition, long offset, String fingerprint) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM_AND_LOCK_OPEN)) {
            bindClaim(s, partition, offset);
            s.setString(5, fingerprint);
            s.execute();
            boolean claimed = s.getUpdateCount() == 1;
            if (!s.getMoreResults()) {
                throw new SQLException("the open alert's lookup answered no rows");
            }
            try (ResultSet r = s.getResultSet()) {
                return new Claim(claimed, r.next() ? Optional.of(AlertStore.row(r)) : Optional.empty());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the offset of " + partition + ": " + e.getMessage(), e);
        }
    }

    private static void bindClaim(PreparedStatement s, TopicPartition partition, long offset) throws SQLException {
        s.setString(1, partition.topic());
        s.setInt(2, partition.partition());
        s.setLong(3, offset + 1);
        s.setLong(4, offset);
    }
}

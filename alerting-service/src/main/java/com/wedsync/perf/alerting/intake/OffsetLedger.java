package com.wedsync.perf.alerting.intake;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.kafka.common.TopicPartition;

/**
 * The next Kafka offset to apply per partition (table {@code processed_offsets}), written in the same transaction as the alert changes a record
 * causes: a record replayed after a crash or a rebalance is recognised and skipped. Plain SQL on purpose: one
 * conditional upsert per record on the intake's hot path, in the transaction {@link ApplyOnce} declares.
 */
@ApplicationScoped
public class OffsetLedger {

    private final AgroalDataSource db;

    public OffsetLedger(AgroalDataSource db) {
        this.db = db;
    }

    /** Claims {@code offset} for this transaction; false when it was applied before (a replay). */
    public boolean claim(TopicPartition partition, long offset) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO processed_offsets (topic, partition, next_offset) VALUES (?, ?, ?) "
                        + "ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset "
                        + "WHERE processed_offsets.next_offset <= ?")) {
            s.setString(1, partition.topic());
            s.setInt(2, partition.partition());
            s.setLong(3, offset + 1);
            s.setLong(4, offset);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the offset of " + partition + ": " + e.getMessage(), e);
        }
    }
}

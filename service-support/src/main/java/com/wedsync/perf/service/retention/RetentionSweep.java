package com.wedsync.perf.service.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Deletes what a service keeps longer than its retention, one rule after another, while holding a PostgreSQL advisory
 * lock: with N instances, one sweeps and the others skip. Every delete commits on its own, so a sweep that fails half
 * way leaves nothing half deleted and the next sweep finishes the job.
 */
public final class RetentionSweep {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);

    private final DataSource db;
    private final long lockKey;
    private final List<RetentionRule> rules;

    public RetentionSweep(DataSource db, long lockKey, List<RetentionRule> rules) {
        this.db = db;
        this.lockKey = lockKey;
        this.rules = List.copyOf(rules);
    }

    /** Rows deleted per rule, or empty when another instance is sweeping. */
    public Optional<Map<String, Integer>> sweep(Instant now, Duration keep) {
        Timestamp cutoff = Timestamp.from(now.minus(keep));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            if (!lock(c, "SELECT pg_try_advisory_lock(?)")) {
                return Optional.empty();
            }
            try {
                Map<String, Integer> deleted = new LinkedHashMap<>();
                for (RetentionRule rule : rules) {
                    try (PreparedStatement delete = c.prepareStatement(rule.deleteSql())) {
                        Timestamp ruleCutoff = rule.keepAtLeast().compareTo(keep) > 0
                                ? Timestamp.from(now.minus(rule.keepAtLeast())) : cutoff;
                        for (int i = 1; i <= rule.cutoffParameters(); i++) {
                            delete.setTimestamp(i, ruleCutoff);
                        }
                        deleted.put(rule.name(), delete.executeUpdate());
                    }
                }
                if (deleted.values().stream().anyMatch(n -> n > 0)) {
                    LOG.infof("retention (%s): deleted %s older than %s", keep, deleted, cutoff.toInstant());
                }
                return Optional.of(deleted);
            } finally {
                lock(c, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the retention sweep failed: " + e.getMessage(), e);
        }
    }

    private boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, lockKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }
}

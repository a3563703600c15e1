package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.ScalingRecommendation;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Recommendations with their fate: superseded by a newer plan (each one is published to {@code perf.scaling.v1}
 * through the outbox, in the transaction that stores it), and once their period has passed, how they compared with the load that came.
 */
@ApplicationScoped
public class RecommendationStore {

    /** A stored recommendation, with its outcome once known. */
    public record Stored(UUID id, ScalingRecommendation recommendation, Double actualPeak, String outcome) {
    }

    private static final String COLUMNS = "id, tenant, generated_at, effective_from, effective_until, instances, "
            + "db_connections, cache_mb, load_ratio, monitoring_interval, emergency, reason, actual_peak, outcome";

    private final AgroalDataSource db;

    public RecommendationStore(AgroalDataSource db) {
        this.db = db;
    }

    /** Stores a new plan for the tenant; what the previous plans had for now on is superseded by it. */
    public void replace(String tenant, UUID setId, List<ScalingRecommendation> plan, Instant now) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE scaling_recommendations SET superseded_at = ? "
                    + "WHERE tenant = ? AND superseded_at IS NULL AND effective_until > ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setString(2, tenant);
                s.setTimestamp(3, Timestamp.from(now));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO scaling_recommendations (id, set_id, tenant, "
                    + "generated_at, effective_from, effective_until, instances, db_connections, cache_mb, load_ratio, "
                    + "monitoring_interval, emergency, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (ScalingRecommendation r : plan) {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, setId);
                    s.setString(3, tenant);
                    s.setTimestamp(4, Timestamp.from(r.generatedAt()));
                    s.setTimestamp(5, Timestamp.from(r.effectiveFrom()));
                    s.setTimestamp(6, Timestamp.from(r.effectiveUntil()));
                    s.setInt(7, r.instances());
                    s.setInt(8, r.dbConnections());
                    s.setInt(9, r.cacheMb());
                    s.setDouble(10, r.forecastLoadRatio());
                    s.setInt(11, r.monitoringIntervalSeconds());
                    s.setBoolean(12, r.emergency());
                    s.setString(13, r.reason());
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the plan of " + tenant + ": " + e.getMessage(), e);
        }
    }

    /** The tenant's plan in force: not superseded, not over, in time order. */
    public List<Stored> current(String tenant, Instant now) {
        return query("SELECT " + COLUMNS + " FROM scaling_recommendations WHERE tenant = ? AND superseded_at IS NULL "
                + "AND effective_until > ? ORDER BY effective_from", tenant, Timestamp.from(now));
    }

    /** The tenant's recommendations whose period has passed, newest first, with outcomes. */
    public List<Stored> past(String tenant, Instant now, int limit) {
        return query("SELECT " + COLUMNS + " FROM scaling_recommendations WHERE tenant = ? AND superseded_at IS NULL "
                + "AND effective_until <= ? ORDER BY effective_from DESC LIMIT " + limit, tenant, Timestamp.from(now));
    }

    /** Recommendations whose period ended before {@code before} and whose outcome is not judged yet. */
    public List<Stored> awaitingOutcome(Instant before) {
        return query("SELECT " + COLUMNS + " FROM scaling_recommendations WHERE outcome IS NULL AND superseded_at IS NULL "
                + "AND effective_until <= ? ORDER BY effective_until LIMIT 500", Timestamp.from(before));
    }

    public void judge(UUID id, double actualPeak, String outcome) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE scaling_recommendations SET actual_peak = ?, outcome = ? WHERE id = ?")) {
            s.setDouble(1, actualPeak);
            s.setString(2, outcome);
            s.setObject(3, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the outcome of " + id + ": " + e.getMessage(), e);
        }
    }

    private List<Stored> query(String sql, Object... args) {
        List<Stored> found = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Double peak = r.getObject(13) == null ? null : r.getDouble(13);
                    found.add(new Stored(r.getObject(1, UUID.class), new ScalingRecommendation(r.getString(2),
                            r.getTimestamp(3).toInstant(), r.getTimestamp(4).toInstant(), r.getTimestamp(5).toInstant(),
                            r.getInt(6), r.getInt(7), r.getInt(8), r.getDouble(9), r.getInt(10), r.getBoolean(11),
                            r.getString(12)), peak, r.getString(14)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read recommendations: " + e.getMessage(), e);
        }
        return found;
    }
}

package com.wedsync.perf.scaling.load;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Load per tenant, series and minute, as the trends report it (requests of each server operation, page views), and
 * per hour as their sum. Writing a minute again overwrites it, so a replayed trend changes nothing. Plain SQL on
 * purpose: batched upserts from the intake and an hourly aggregate over weeks of minutes.
 */
@ApplicationScoped
public class LoadStore {

    /** One minute of one series of a tenant. */
    public record Minute(String tenant, String series, Instant minute, long load) {
    }

    private final AgroalDataSource db;

    public LoadStore(AgroalDataSource db) {
        this.db = db;
    }

    public void save(List<Minute> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO load_minutes "
                + "(tenant, series, minute, load) VALUES (?,?,?,?) ON CONFLICT (tenant, minute, series) DO UPDATE SET load = excluded.load")) {
            for (Minute m : minutes) {
                s.setString(1, m.tenant());
                s.setString(2, m.series());
                s.setTimestamp(3, Timestamp.from(m.minute()));
                s.setLong(4, m.load());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save " + minutes.size() + " load minutes: " + e.getMessage(), e);
        }
    }

    /**
     * Every tenant's load per complete hour in [from, to), with hours between a tenant's first and last reported
     * hour that have no load counted as zero (no traffic).
     */
    public Map<String, SortedMap<Instant, Double>> hourly(Instant from, Instant to) {
        return hourly(null, from, to);
    }

    /** The same for one tenant only ({@code null}: every tenant). */
    public Map<String, SortedMap<Instant, Double>> hourly(String tenant, Instant from, Instant to) {
        Map<String, SortedMap<Instant, Double>> byTenant = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT tenant, "
                + "date_trunc('hour', minute) AS hour, sum(load) FROM load_minutes WHERE minute >= ? AND minute < ? "
                + "AND (CAST(? AS text) IS NULL OR tenant = ?) GROUP BY tenant, hour")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            s.setString(3, tenant);
            s.setString(4, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byTenant.computeIfAbsent(r.getString(1), t -> new TreeMap<>()).put(r.getTimestamp(2).toInstant(), r.getDouble(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the load history: " + e.getMessage(), e);
        }
        byTenant.values().forEach(LoadStore::fillGaps);
        return byTenant;
    }

    private static void fillGaps(SortedMap<Instant, Double> hours) {
        for (Instant h = hours.firstKey(); h.isBefore(hours.lastKey()); h = h.plusSeconds(3600)) {
            hours.putIfAbsent(h, 0.0);
        }
    }

    /** Removes minutes older than {@code before}; answers how many. */
    public int forget(Instant before) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM load_minutes WHERE minute < ?")) {
            s.setTimestamp(1, Timestamp.from(before));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget old load: " + e.getMessage(), e);
        }
    }
}

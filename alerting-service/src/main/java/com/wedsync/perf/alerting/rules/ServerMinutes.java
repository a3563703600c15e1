package com.wedsync.perf.alerting.rules;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * Per tenant and minute: requests, errors and slow requests ({@code server_minutes}), summed over burn-rate windows.
 * Plain SQL on purpose: an upsert per minute and a windowed sum, on the intake's hot path.
 */
@ApplicationScoped
public class ServerMinutes {

    /** Which count a burn rate is about. */
    public enum Bad { ERRORS, SLOW }

    private final AgroalDataSource db;

    public ServerMinutes(AgroalDataSource db) {
        this.db = db;
    }

    public void record(String tenant, String operation, Instant windowStart, long requests, long errors, long slow) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO server_minutes "
                + "(tenant, operation, window_start, requests, errors, slow) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT (tenant, window_start, operation) DO UPDATE SET requests = excluded.requests, "
                + "errors = excluded.errors, slow = excluded.slow")) {
            s.setString(1, tenant);
            s.setString(2, operation);
            s.setTimestamp(3, Timestamp.from(windowStart));
            s.setLong(4, requests);
            s.setLong(5, errors);
            s.setLong(6, slow);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a server minute of " + tenant + ": " + e.getMessage(), e);
        }
    }

    /** For each window length, the tenant's bad and total requests in the minutes ending at {@code end}. */
    public Map<Duration, BurnRateRule.Window> windows(String tenant, Instant end, List<Duration> lengths, Bad bad) {
        String column = bad == Bad.ERRORS ? "errors" : "slow";
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < lengths.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("coalesce(sum(").append(column).append(") FILTER (WHERE window_start >= ?), 0), ")
                    .append("coalesce(sum(requests) FILTER (WHERE window_start >= ?), 0)");
        }
        sql.append(" FROM server_minutes WHERE tenant = ? AND window_start >= ? AND window_start < ?");
        Duration longest = lengths.stream().max(Duration::compareTo).orElseThrow();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Duration length : lengths) {
                Timestamp from = Timestamp.from(end.minus(length));
                s.setTimestamp(p++, from);
                s.setTimestamp(p++, from);
            }
            s.setString(p++, tenant);
            s.setTimestamp(p++, Timestamp.from(end.minus(longest)));
            s.setTimestamp(p, Timestamp.from(end));
            Map<Duration, BurnRateRule.Window> windows = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                r.next();
                for (int i = 0; i < lengths.size(); i++) {
                    windows.put(lengths.get(i), new BurnRateRule.Window(r.getLong(2 * i + 1), r.getLong(2 * i + 2)));
                }
            }
            return windows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sum the server minutes of " + tenant + ": " + e.getMessage(), e);
        }
    }

    public int purgeBefore(Instant cutoff) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM server_minutes WHERE window_start < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge old server minutes: " + e.getMessage(), e);
        }
    }
}

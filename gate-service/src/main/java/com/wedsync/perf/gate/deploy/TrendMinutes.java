package com.wedsync.perf.gate.deploy;

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

/**
 * Each tenant's real-user p75 per metric and minute, over all routes and devices ({@code trend_minutes}). Plain SQL on
 * purpose: an upsert per trend minute the intake reads, and a range read of p75s.
 */
@ApplicationScoped
public class TrendMinutes {

    private final AgroalDataSource db;

    public TrendMinutes(AgroalDataSource db) {
        this.db = db;
    }

    public void record(String tenant, String metric, Instant windowStart, long samples, double p75) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO trend_minutes "
                + "(tenant, metric, window_start, samples, p75) VALUES (?,?,?,?,?) ON CONFLICT (tenant, metric, window_start) "
                + "DO UPDATE SET samples = excluded.samples, p75 = excluded.p75")) {
            s.setString(1, tenant);
            s.setString(2, metric);
            s.setTimestamp(3, Timestamp.from(windowStart));
            s.setLong(4, samples);
            s.setDouble(5, p75);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a trend minute of " + tenant + ": " + e.getMessage(), e);
        }
    }

    /** The p75 of every minute in [from, to) with at least {@code minSamples}, oldest first. */
    public double[] p75s(String tenant, String metric, Instant from, Instant to, long minSamples) {
        List<Double> values = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT p75 FROM trend_minutes "
                + "WHERE tenant = ? AND metric = ? AND window_start >= ? AND window_start < ? AND samples >= ? ORDER BY window_start")) {
            s.setString(1, tenant);
            s.setString(2, metric);
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            s.setLong(5, minSamples);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getDouble(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read trend minutes of " + tenant + ": " + e.getMessage(), e);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

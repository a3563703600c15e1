package com.wedsync.perf.alerting.rules;

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
 * The closed hours of every series, with their encoded sketches ({@code hour_points}), kept for 9 days. Plain SQL on
 * purpose: an upsert per closed hour and an {@code = ANY} read of a series' hours, on the intake's hot path.
 */
@ApplicationScoped
public class HourHistory {

    private final AgroalDataSource db;

    public HourHistory(AgroalDataSource db) {
        this.db = db;
    }

    public void record(String series, Instant windowStart, long count, String sketch) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO hour_points "
                + "(series, window_start, sample_count, sketch) VALUES (?,?,?,?) ON CONFLICT (series, window_start) "
                + "DO UPDATE SET sample_count = excluded.sample_count, sketch = excluded.sketch")) {
            s.setString(1, series);
            s.setTimestamp(2, Timestamp.from(windowStart));
            s.setLong(3, count);
            s.setString(4, sketch);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record an hour of " + series + ": " + e.getMessage(), e);
        }
    }

    /** The encoded sketches of {@code series} at the given hours (those that exist). */
    public List<String> sketches(String series, List<Instant> hours) {
        List<String> sketches = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT sketch FROM hour_points WHERE series = ? AND window_start = ANY (?)")) {
            s.setString(1, series);
            s.setArray(2, c.createArrayOf("timestamptz", hours.stream().map(Timestamp::from).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sketches.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the hours of " + series + ": " + e.getMessage(), e);
        }
        return sketches;
    }

    public int purgeBefore(Instant cutoff) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM hour_points WHERE window_start < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge old hours: " + e.getMessage(), e);
        }
    }
}

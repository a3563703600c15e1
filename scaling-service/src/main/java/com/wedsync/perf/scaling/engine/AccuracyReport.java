package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.ScalingRecommendation;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How the stored forecasts compared with what happened, for hours that have passed: per horizon band the mean absolute
 * percentage error, the bias (mean signed percentage error: positive = forecast too high) and, for comparison, the
 * MAPE a seasonal-naive forecast (the same hour a week before) had on the same hours. Plain SQL on purpose: one
 * aggregate over forecasts joined with the load that came.
 */
@ApplicationScoped
public class AccuracyReport {

    /** One horizon band. */
    public record Band(String horizon, int hours, Double mape, Double bias, Double seasonalNaiveMape) {
    }

    /** The report for a tenant over the last days. */
    public record Report(String tenant, int days, Instant from, Instant to, List<Band> horizons, Band overall) {
    }

    private static final int[][] BANDS = {{0, 5}, {6, 11}, {12, 23}, {24, 47}};
    private static final Duration SETTLE = Duration.ofMinutes(5);

    private final AgroalDataSource db;

    public AccuracyReport(AgroalDataSource db) {
        this.db = db;
    }

    public Report of(String tenant, int days, Instant now) {
        Instant to = now.minus(SETTLE).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofDays(days));
        boolean platform = ScalingRecommendation.PLATFORM.equals(tenant);
        List<double[]> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("WITH actual AS ("
                + "SELECT date_trunc('hour', minute) AS hour, sum(load)::double precision AS load FROM load_minutes "
                + "WHERE (? OR tenant = ?) AND minute >= ? AND minute < ? GROUP BY 1) "
                + "SELECT p.horizon, p.forecast, a.load, n.load FROM scaling_predictions p "
                + "JOIN actual a ON a.hour = p.hour LEFT JOIN actual n ON n.hour = p.hour - interval '7 days' "
                + "WHERE p.tenant = ? AND p.hour >= ? AND p.hour < ?")) {
            s.setBoolean(1, platform);
            s.setString(2, tenant);
            s.setTimestamp(3, Timestamp.from(from.minus(Duration.ofDays(7))));
            s.setTimestamp(4, Timestamp.from(to));
            s.setString(5, tenant);
            s.setTimestamp(6, Timestamp.from(from));
            s.setTimestamp(7, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double naive = r.getObject(4) == null ? Double.NaN : r.getDouble(4);
                    rows.add(new double[]{r.getInt(1), r.getDouble(2), r.getDouble(3), naive});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot score the forecasts of " + tenant + ": " + e.getMessage(), e);
        }
        List<Band> bands = new ArrayList<>();
        for (int[] band : BANDS) {
            bands.add(band(band[0] + 1 + "–" + (band[1] + 1) + " h", rows, band[0], band[1]));
        }
        return new Report(tenant, days, from, to, bands, band("1–48 h", rows, 0, 47));
    }

    private static Band band(String name, List<double[]> rows, int fromHorizon, int toHorizon) {
        double error = 0;
        double signed = 0;
        double naiveError = 0;
        int n = 0;
        int naive = 0;
        for (double[] row : rows) {
            if (row[0] < fromHorizon || row[0] > toHorizon || !(row[2] > 0)) {
                continue;
            }
            error += Math.abs(row[1] - row[2]) / row[2];
            signed += (row[1] - row[2]) / row[2];
            n++;
            if (!Double.isNaN(row[3])) {
                naiveError += Math.abs(row[3] - row[2]) / row[2];
                naive++;
            }
        }
        return new Band(name, n, n == 0 ? null : round(100 * error / n), n == 0 ? null : round(100 * signed / n),
                naive == 0 ? null : round(100 * naiveError / naive));
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}

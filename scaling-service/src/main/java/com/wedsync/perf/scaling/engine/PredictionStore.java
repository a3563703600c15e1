package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.scaling.forecast.Forecast;
import com.wedsync.perf.scaling.forecast.ForecastHour;
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
import java.util.Optional;
import java.util.UUID;

/** Every forecast made (the spec's {@code scaling_prediction_sets}) with its hours, kept to be scored later. */
@ApplicationScoped
public class PredictionStore {

    /** A stored forecast and the digest of the inputs it was made from. */
    public record Stored(UUID id, Forecast forecast, String inputsDigest) {
    }

    private final AgroalDataSource db;

    public PredictionStore(AgroalDataSource db) {
        this.db = db;
    }

    public UUID save(Forecast forecast, String inputsDigest) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO scaling_prediction_sets (id, tenant, generated_at, "
                    + "first_hour, hours, basis, inputs_digest) VALUES (?,?,?,?,?,?,?)")) {
                s.setObject(1, id);
                s.setString(2, forecast.tenant());
                s.setTimestamp(3, Timestamp.from(forecast.generatedAt()));
                s.setTimestamp(4, Timestamp.from(forecast.firstHour()));
                s.setInt(5, forecast.hours().size());
                s.setString(6, forecast.basis());
                s.setString(7, inputsDigest);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO scaling_predictions (set_id, tenant, hour, horizon, "
                    + "forecast, baseline, wedding_load, weddings, guests) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (ForecastHour h : forecast.hours()) {
                    s.setObject(1, id);
                    s.setString(2, forecast.tenant());
                    s.setTimestamp(3, Timestamp.from(h.hour()));
                    s.setInt(4, h.horizon());
                    s.setDouble(5, h.forecast());
                    s.setDouble(6, h.baseline());
                    s.setDouble(7, h.weddingLoad());
                    s.setInt(8, h.weddings());
                    s.setInt(9, h.guests());
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the forecast of " + forecast.tenant() + ": " + e.getMessage(), e);
        }
        return id;
    }

    /** Removes forecasts made before {@code before} (their hours and recommendations with them); answers how many. */
    public int forget(Instant before) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM scaling_prediction_sets WHERE generated_at < ?")) {
            s.setTimestamp(1, Timestamp.from(before));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget old forecasts: " + e.getMessage(), e);
        }
    }

    /** The inputs digest of the tenant's latest forecast. */
    public Optional<String> latestDigest(String tenant) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT inputs_digest FROM "
                + "scaling_prediction_sets WHERE tenant = ? ORDER BY generated_at DESC LIMIT 1")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the forecast of " + tenant + ": " + e.getMessage(), e);
        }
    }

    public Optional<Stored> latest(String tenant) {
        try (Connection c = db.getConnection()) {
            UUID id;
            String digest;
            Instant generated;
            Instant first;
            String basis;
            try (PreparedStatement s = c.prepareStatement("SELECT id, inputs_digest, generated_at, first_hour, basis FROM "
                    + "scaling_prediction_sets WHERE tenant = ? ORDER BY generated_at DESC LIMIT 1")) {
                s.setString(1, tenant);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    id = r.getObject(1, UUID.class);
                    digest = r.getString(2);
                    generated = r.getTimestamp(3).toInstant();
                    first = r.getTimestamp(4).toInstant();
                    basis = r.getString(5);
                }
            }
            List<ForecastHour> hours = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT hour, horizon, forecast, baseline, wedding_load, weddings, "
                    + "guests FROM scaling_predictions WHERE set_id = ? ORDER BY hour")) {
                s.setObject(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        hours.add(new ForecastHour(r.getTimestamp(1).toInstant(), r.getInt(2), r.getDouble(3), r.getDouble(4),
                                r.getDouble(5), r.getInt(6), r.getInt(7)));
                    }
                }
            }
            return Optional.of(new Stored(id, new Forecast(tenant, generated, first, basis, List.copyOf(hours)), digest));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the forecast of " + tenant + ": " + e.getMessage(), e);
        }
    }
}

package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.scaling.forecast.ForecastHour;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A row of {@code scaling_predictions}: one hour of a forecast. */
@Entity
@Table(name = "scaling_predictions")
@IdClass(PredictionHourRecord.Key.class)
public class PredictionHourRecord {

    /** The primary key: the forecast and the hour. */
    public static class Key implements Serializable {
        public UUID setId;
        public Instant hour;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(setId, key.setId) && Objects.equals(hour, key.hour);
        }

        @Override
        public int hashCode() {
            return Objects.hash(setId, hour);
        }
    }

    @Id
    @Column(name = "set_id")
    public UUID setId;

    @Id
    public Instant hour;

    public String tenant;

    public int horizon;

    public double forecast;

    public double baseline;

    @Column(name = "wedding_load")
    public double weddingLoad;

    public int weddings;

    public int guests;

    static PredictionHourRecord of(UUID setId, String tenant, ForecastHour h) {
        PredictionHourRecord row = new PredictionHourRecord();
        row.setId = setId;
        row.tenant = tenant;
        row.hour = h.hour();
        row.horizon = h.horizon();
        row.forecast = h.forecast();
        row.baseline = h.baseline();
        row.weddingLoad = h.weddingLoad();
        row.weddings = h.weddings();
        row.guests = h.guests();
        return row;
    }

    ForecastHour toHour() {
        return new ForecastHour(hour, horizon, forecast, baseline, weddingLoad, weddings, guests);
    }
}

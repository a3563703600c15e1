package com.wedsync.perf.scaling.forecast;

import java.time.Instant;

/**
 * One forecast hour: the seasonal baseline, the load its weddings add, and their sum.
 *
 * @param horizon hours from the forecast's first hour
 * @param weddings weddings of the tenant whose span covers the hour; guests their guests
 */
public record ForecastHour(Instant hour, int horizon, double forecast, double baseline, double weddingLoad, int weddings,
                           int guests) {

    /** Forecast over baseline; 1 when there is no baseline to compare with. */
    public double ratio() {
        return baseline > 0 ? forecast / baseline : 1;
    }
}

package com.wedsync.perf.scaling.forecast;

import java.time.Instant;
import java.util.List;

/** A tenant's (or the platform's) load forecast, hour by hour, and what it is based on. */
public record Forecast(String tenant, Instant generatedAt, Instant firstHour, String basis, List<ForecastHour> hours) {
}

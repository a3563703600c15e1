package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.alerting.rules.Verdict;
import com.wedsync.perf.alerting.wedding.WeddingDay;
import com.wedsync.perf.model.event.AlertType;
import java.time.Duration;
import java.time.Instant;

/**
 * What one closed window says about one alert's condition, with the timing rules that apply to it.
 *
 * @param wedding the wedding that makes this window a wedding day, or null
 */
public record Observation(String fingerprint, AlertType type, String tenant, String route, String metric,
                          Verdict verdict, long samples, Instant windowStart, Instant windowEnd, Duration forDuration,
                          Duration keepFiringFor, WeddingDay wedding, String summary) {
}

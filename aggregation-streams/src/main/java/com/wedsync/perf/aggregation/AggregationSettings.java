package com.wedsync.perf.aggregation;

import com.wedsync.perf.aggregation.interference.InterferenceSettings;
import com.wedsync.perf.aggregation.sketch.QuantileSketch;
import java.time.Duration;

/**
 * What the topology can be tuned by; the service builds it from configuration, tests from {@link #defaults()}.
 *
 * @param grace how long after a minute ends its samples are still accepted
 * @param partialGrace how much longer the owner of a series waits for the partials of slower partitions
 * @param dedupeRetention how long a web-vitals id is remembered, so a later report replaces its value
 * @param minuteRetention how long 1-minute points stay queryable; likewise hour and day
 */
public record AggregationSettings(
        Duration grace,
        Duration partialGrace,
        Duration dedupeRetention,
        double relativeAccuracy,
        Duration minuteRetention,
        Duration hourRetention,
        Duration dayRetention,
        InterferenceSettings interference) {

    public static AggregationSettings defaults() {
        return new AggregationSettings(Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofMinutes(30),
                QuantileSketch.DEFAULT_RELATIVE_ACCURACY, Duration.ofDays(2), Duration.ofDays(35), Duration.ofDays(400),
                InterferenceSettings.defaults());
    }

    /** When a window ending at {@code windowEnd} is closed at its owner, and its point emitted. */
    public long closesAt(long windowEnd) {
        return windowEnd + grace.toMillis() + partialGrace.toMillis();
    }
}

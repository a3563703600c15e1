package com.wedsync.perf.aggregation.window;

/**
 * What one input partition saw of one series in one minute, closed and sent on to the series' owner,
 * which merges the partials of every partition (route-level series have one; roll-ups have up to one each).
 */
public record Partial(long windowStart, SeriesAggregate aggregate) {
}

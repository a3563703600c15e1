package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.event.TrendPoint;
import java.time.Instant;

/**
 * One closed window (an hour, or a minute after the last closed hour) of one arm's series on one route and device, as
 * one instance holds it: what a comparison of two arms is assembled from, so that only the windows in which both arms
 * had traffic are compared.
 */
public record ArmWindow(String arm, String route, String device, Instant windowStart, Instant windowEnd, String sketch) {

    static ArmWindow of(SeriesKey series, TrendPoint point) {
        return new ArmWindow(series.arm(), series.route(), series.device(), point.windowStart(), point.windowEnd(),
                point.sketch());
    }

    boolean overlaps(ArmWindow other) {
        return windowStart.isBefore(other.windowEnd) && other.windowStart.isBefore(windowEnd);
    }
}

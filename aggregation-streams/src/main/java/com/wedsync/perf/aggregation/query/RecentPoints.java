package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.event.TrendPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every stored point of a series, decoded, kept for a few seconds: a dashboard's 50 operators asking for the same
 * day-long series decode its 1,440 points once, not 50 times. A series only changes when a window closes, so an
 * answer is at most {@link #FRESHNESS} behind the store.
 */
final class RecentPoints {

    static final Duration FRESHNESS = Duration.ofSeconds(2);
    private static final int MAX_SERIES = 10_000;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** The points of {@code series} in {@code store} whose windows start within [from, to]. */
    List<TrendPoint> between(String store, String series, Instant from, Instant to, Supplier<List<TrendPoint>> all) {
        String key = store + SeriesKey.SEPARATOR + series;
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached == null || now - cached.loadedAt > FRESHNESS.toNanos()) {
            if (cache.size() >= MAX_SERIES) {
                cache.clear();
            }
            cached = new Cached(now, all.get());
            cache.put(key, cached);
        }
        return cached.points.stream()
                .filter(p -> !p.windowStart().isBefore(from) && !p.windowStart().isAfter(to))
                .toList();
    }

    private record Cached(long loadedAt, List<TrendPoint> points) {
    }
}

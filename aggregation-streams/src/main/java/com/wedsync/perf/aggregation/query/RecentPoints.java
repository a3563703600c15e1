package com.wedsync.perf.aggregation.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.event.TrendPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Every stored point of a series, decoded and rendered as JSON, kept for a few seconds: a dashboard's 50 operators
 * asking for the same day-long series decode and render its 1,440 points once, not 50 times. A series only changes
 * when a window closes, so an answer is at most {@link #FRESHNESS} behind the store.
 */
final class RecentPoints {

    static final Duration FRESHNESS = Duration.ofSeconds(2);
    /** Series kept at most; a day-long minute series with its encoded arrays is about 1 MB. */
    private static final int MAX_SERIES = 128;
    /** A series nobody asked for this long is dropped when another is loaded. */
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final int MAX_RANGES = 8;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final ObjectWriter pointWriter;

    RecentPoints(ObjectWriter pointWriter) {
        this.pointWriter = pointWriter;
    }

    /** The points of {@code series} in {@code store} whose windows start within [from, to], as stored. */
    List<TrendPoint> between(String store, String series, Instant from, Instant to, Supplier<List<TrendPoint>> all) {
        Cached cached = load(store, series, all);
        List<TrendPoint> selected = new ArrayList<>();
        for (int i = cached.first(from); i < cached.points.size() && !startsAfter(cached.points.get(i), to); i++) {
            selected.add(cached.points.get(i));
        }
        return selected;
    }

    /** The same points as {@link #between}, as the trend API renders them without their sketches. */
    RenderedPoints renderedBetween(String store, String series, Instant from, Instant to, Supplier<List<TrendPoint>> all) {
        Cached cached = load(store, series, all);
        int first = cached.first(from);
        int end = first;
        while (end < cached.points.size() && !startsAfter(cached.points.get(end), to)) {
            end++;
        }
        return cached.array(first, end);
    }

    /**
     * The stated accuracy of the series' points: the widest of them (wider than the sketches' where histogram buckets
     * went in), the sketches' default when it has no points yet.
     */
    double relativeAccuracy(String store, String series, Supplier<List<TrendPoint>> all) {
        return load(store, series, all).points.stream().mapToDouble(TrendPoint::relativeAccuracy).max()
                .orElse(QuantileSketch.DEFAULT_RELATIVE_ACCURACY);
    }

    /**
     * The cached points, reloaded when older than {@link #FRESHNESS}. One caller reloads; the others meanwhile get
     * the previous points (a couple of seconds old at most) instead of all reading the store at once.
     */
    private Cached load(String store, String series, Supplier<List<TrendPoint>> all) {
        String key = store + SeriesKey.SEPARATOR + series;
        Cached cached = cache.get(key);
        if (cached == null) {
            if (cache.size() >= MAX_SERIES / 2) {
                long now = System.nanoTime();
                cache.values().removeIf(c -> now - c.loadedAt > IDLE.toNanos());
            }
            if (cache.size() >= MAX_SERIES) {
                cache.clear();
            }
            return cache.computeIfAbsent(key, k -> new Cached(System.nanoTime(), all.get(), pointWriter));
        }
        if (System.nanoTime() - cached.loadedAt > FRESHNESS.toNanos() && cached.claimReload()) {
            try {
                Cached fresh = new Cached(System.nanoTime(), all.get(), pointWriter);
                cache.put(key, fresh);
                return fresh;
            } catch (RuntimeException e) {
                cached.releaseReload();
                throw e;
            }
        }
        return cached;
    }

    private static boolean startsAfter(TrendPoint point, Instant to) {
        return point.windowStart().isAfter(to);
    }

    /** Points in window order (as the store returns them); their JSON rendered on first use. */
    private static final class Cached {
        private final long loadedAt;
        private final List<TrendPoint> points;
        private final ObjectWriter writer;
        private final AtomicBoolean reloading = new AtomicBoolean();
        private volatile List<String> rendered;
        /** Encoded arrays by range ({@code first << 32 | end}): dashboards ask for the same few ranges. */
        private final Map<Long, RenderedPoints> arrays = new ConcurrentHashMap<>();

        Cached(long loadedAt, List<TrendPoint> points, ObjectWriter writer) {
            this.loadedAt = loadedAt;
            this.points = points;
            this.writer = writer;
        }

        boolean claimReload() {
            return reloading.compareAndSet(false, true);
        }

        void releaseReload() {
            reloading.set(false);
        }

        int first(Instant from) {
            int low = 0;
            int high = points.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (points.get(middle).windowStart().isBefore(from)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        RenderedPoints array(int first, int end) {
            long range = ((long) first << 32) | end;
            RenderedPoints array = arrays.get(range);
            if (array == null) {
                if (arrays.size() >= MAX_RANGES) {
                    arrays.clear();
                }
                array = RenderedPoints.of(rendered().subList(first, end));
                arrays.put(range, array);
            }
            return array;
        }

        List<String> rendered() {
            List<String> done = rendered;
            if (done == null) {
                synchronized (this) {
                    done = rendered;
                    if (done == null) {
                        done = points.stream().map(this::render).toList();
                        rendered = done;
                    }
                }
            }
            return done;
        }

        private String render(TrendPoint point) {
            try {
                return writer.writeValueAsString(TrendPointView.of(point, false));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render the point at " + point.windowStart(), e);
            }
        }
    }
}

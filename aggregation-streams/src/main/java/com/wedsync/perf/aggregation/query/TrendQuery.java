package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.window.Sample;
import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.service.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** A validated GET /v1/trends request: one series, one resolution, a bounded time range. */
record TrendQuery(SeriesKey series, Resolution resolution, Instant from, Instant to) {

    /** More points than a day of minutes a week long is a dashboard bug, not a query. */
    static final long MAX_POINTS = 10_080;

    static TrendQuery parse(String tenant, String source, String route, String metric, String device,
                            String resolution, String from, String to, Instant now) {
        if (tenant == null || tenant.isBlank()) {
            throw ApiException.badRequest("missing_tenant", "query parameter 'tenant' is required");
        }
        Source parsedSource = parseSource(source);
        Resolution parsedResolution = Resolution.fromLabel(resolution == null ? "1m" : resolution)
                .orElseThrow(() -> ApiException.badRequest("invalid_resolution", "resolution must be 1m, 1h or 1d"));
        String series = metric(parsedSource, metric);
        Instant end = instant(to, "to", now);
        Instant start = instant(from, "from", end.minus(defaultRange(parsedResolution)));
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("invalid_range", "'from' must be before 'to'");
        }
        if (Duration.between(start, end).dividedBy(parsedResolution.window()) > MAX_POINTS) {
            throw ApiException.badRequest("range_too_large", "at most " + MAX_POINTS + " points per query; "
                    + "narrow the range or use a coarser resolution");
        }
        boolean rum = parsedSource == Source.RUM;
        SeriesKey key = new SeriesKey(tenant.strip(), parsedSource, rum ? orAll(route) : TrendKey.ALL, series,
                rum ? device(device) : TrendKey.ALL);
        return new TrendQuery(key, parsedResolution, start, end);
    }

    static Source parseSource(String source) {
        if (source == null || source.isBlank() || source.equalsIgnoreCase("rum")) {
            return Source.RUM;
        }
        if (source.equalsIgnoreCase("server")) {
            return Source.SERVER;
        }
        throw ApiException.badRequest("invalid_source", "source must be 'rum' or 'server'");
    }

    static Duration defaultRange(Resolution resolution) {
        return switch (resolution) {
            case MINUTE -> Duration.ofHours(24);
            case HOUR -> Duration.ofDays(7);
            case DAY -> Duration.ofDays(90);
        };
    }

    static Instant instant(String value, String name, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_" + name, "'" + name + "' must be an ISO-8601 instant such as 2026-06-13T14:00:00Z");
        }
    }

    static String rumMetric(String metric) {
        return Metric.fromName(metric).map(Metric::name).orElseThrow(() -> ApiException.badRequest("invalid_metric",
                "metric must be one of the browser metrics (LCP, INP, CLS, FCP, TTFB, FID, …), got '" + metric + "'"));
    }

    /**
     * A browser metric's series: {@code LCP}, or {@code LCP@soft-navigation} (likewise {@code @back-forward-cache},
     * {@code @prerender}, {@code @restore}) for the navigations that are not a full load.
     */
    static String rumSeriesMetric(String metric) {
        int at = metric == null ? -1 : metric.indexOf(Sample.NAVIGATION_SEPARATOR);
        if (at < 0) {
            return rumMetric(metric);
        }
        String navigation = metric.substring(at + 1).strip();
        if (!RumMetric.NOT_A_FULL_LOAD.contains(navigation)) {
            throw ApiException.badRequest("invalid_metric", "after '@' comes a navigation that is not a full load: "
                    + String.join(", ", new java.util.TreeSet<>(RumMetric.NOT_A_FULL_LOAD)));
        }
        return rumMetric(metric.substring(0, at)) + Sample.NAVIGATION_SEPARATOR + navigation;
    }

    private static String metric(Source source, String metric) {
        if (metric == null || metric.isBlank()) {
            if (source == Source.SERVER) {
                return TrendKey.ALL;
            }
            throw ApiException.badRequest("missing_metric", "query parameter 'metric' is required, e.g. LCP");
        }
        if (source == Source.RUM) {
            return rumSeriesMetric(metric);
        }
        if (!metric.equals(TrendKey.ALL) && !ServerOperations.isValidName(metric)) {
            throw ApiException.badRequest("invalid_metric", "'" + metric + "' is not an operation name");
        }
        return metric;
    }

    static String device(String device) {
        if (device == null || device.isBlank() || device.equals(TrendKey.ALL)) {
            return TrendKey.ALL;
        }
        try {
            return com.wedsync.perf.model.event.DeviceClass.valueOf(device.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_device", "device must be mobile, tablet, desktop, unknown or *");
        }
    }

    static String orAll(String route) {
        return route == null || route.isBlank() ? TrendKey.ALL : route.strip();
    }
}

package com.wedsync.perf.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Rating;
import java.time.Instant;

/**
 * One value measured in a real browser, as ingest accepted it: the route is already normalised, the value
 * plausible, the rating the server's own (null for metrics without public thresholds).
 * {@code metricId} is the web-vitals {@code id}: CLS and INP may be reported again under the same id,
 * and only the latest value of an id counts.
 *
 * @param connection the Network Information API's effective type ({@code 4g}, {@code 3g}, …), or null
 * @param navigationType web-vitals' navigationType ({@code navigate}, {@code reload}, {@code back-forward}, …), or null
 * @param release the WedSync release the page ran, when the page says so
 * @param variant the experiment variant the page view was in ({@code checkout-v2:B}), when the page says so
 * @param receivedAt when ingest received it: the event time (browser clocks lie)
 * @param attribution why the browser measured this value (web-vitals' attribution build, a resource timing entry),
 *                    without personal data; null when the client sent none
 */
public record RumMetric(
        String tenant,
        String route,
        Metric metric,
        double value,
        Rating rating,
        DeviceClass device,
        String connection,
        String navigationType,
        String metricId,
        String release,
        Instant receivedAt,
        Attribution attribution,
        @JsonInclude(JsonInclude.Include.NON_NULL) String variant) {

    /** Navigation types that are not a full load of the page: their TTFB is 0 or a placeholder. */
    public static final java.util.Set<String> NOT_A_FULL_LOAD = java.util.Set.of("soft-navigation", "back-forward-cache",
            "prerender", "restore");

    @JsonCreator
    public RumMetric {
        Require.text(tenant, "tenant");
        Require.text(route, "route");
        Require.present(metric, "metric");
        metric.whyImplausible(value).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (metric.isWebVital()) {
            Require.present(rating, "rating");
        }
        device = device == null ? DeviceClass.UNKNOWN : device;
        Require.present(receivedAt, "receivedAt");
        attribution = attribution == null || attribution.isEmpty() ? null : attribution;
        if (release != null && !Arms.isRelease(release)) {
            throw new IllegalArgumentException("release '" + release + "' does not match " + Arms.RELEASE.pattern());
        }
        if (variant != null && !Arms.isVariant(variant)) {
            throw new IllegalArgumentException("variant '" + variant + "' does not match " + Arms.VARIANT.pattern());
        }
    }

    public RumMetric(String tenant, String route, Metric metric, double value, Rating rating, DeviceClass device,
                     String connection, String navigationType, String metricId, String release, Instant receivedAt,
                     Attribution attribution) {
        this(tenant, route, metric, value, rating, device, connection, navigationType, metricId, release, receivedAt,
                attribution, null);
    }

    public RumMetric(String tenant, String route, Metric metric, double value, Rating rating, DeviceClass device,
                     String connection, String navigationType, String metricId, String release, Instant receivedAt) {
        this(tenant, route, metric, value, rating, device, connection, navigationType, metricId, release, receivedAt, null);
    }

    /** Builds a metric rated by the public thresholds, whatever the client claimed. */
    public static RumMetric of(String tenant, String route, Metric metric, double value, DeviceClass device,
                               String connection, String navigationType, String metricId, String release,
                               Instant receivedAt) {
        return of(tenant, route, metric, value, device, connection, navigationType, metricId, release, receivedAt, null);
    }

    /** The same, with what the browser attributed the value to. */
    public static RumMetric of(String tenant, String route, Metric metric, double value, DeviceClass device,
                               String connection, String navigationType, String metricId, String release,
                               Instant receivedAt, Attribution attribution) {
        Rating rating = metric.thresholds().map(t -> t.rate(value)).orElse(null);
        return new RumMetric(tenant, route, metric, value, rating, device, connection, navigationType, metricId,
                release, receivedAt, attribution);
    }

    /** Whether the page was loaded in full (not a soft navigation, a back/forward-cache restore or a prerender). */
    public boolean isFullLoad() {
        return navigationType == null || !NOT_A_FULL_LOAD.contains(navigationType);
    }

    /** The same metric, in another experiment variant and release. */
    public RumMetric withVariantAndRelease(String otherVariant, String otherRelease) {
        return new RumMetric(tenant, route, metric, value, rating, device, connection, navigationType, metricId,
                otherRelease, receivedAt, attribution, otherVariant);
    }

    /** The same metric, measured in an experiment's variant ({@code checkout-v2:B}). */
    public RumMetric withVariant(String other) {
        return new RumMetric(tenant, route, metric, value, rating, device, connection, navigationType, metricId, release,
                receivedAt, attribution, other);
    }

    public RouteKey key() {
        return new RouteKey(tenant, route);
    }

    /** The same metric counted under another route (the tenant's overflow route once it has too many). */
    public RumMetric withRoute(String other) {
        return new RumMetric(tenant, other, metric, value, rating, device, connection, navigationType, metricId, release,
                receivedAt, attribution, variant);
    }
}

package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Rating;
import java.util.List;

/**
 * One measured value on its way into the windows, whatever its origin: the series it counts in, its rating,
 * whether it failed, and the id under which a later report replaces it.
 *
 * @param dedupeId a hash of web-vitals' metric id with tenant and metric, or null when every report counts
 * @param time the event time: when ingest received it
 * @param diagnostic what the browser attributed the value to, or null
 * @param weddingId the wedding a server timing served, or null
 * @param release the release that served it, or null; likewise the experiment variant
 * @param count how many requests the value stands for: 1, or a sampled span's adjusted count
 * @param inputError the bound on the value's relative error before the sketch's own: 0 for a measured value, half
 *                   a histogram bucket's relative width for a bucket's representative
 */
public record Sample(String tenant, Source source, String route, String metric, String device, double value,
                     Rating rating, boolean error, Long dedupeId, long time, Diagnostic diagnostic, String weddingId,
                     String release, String variant, long count,
                     double inputError) {

    /** Joins a metric and a navigation type that is not a full load: {@code TTFB@soft-navigation}. */
    public static final char NAVIGATION_SEPARATOR = '@';

    /**
     * A browser metric, rated by the public thresholds whatever the client claimed. A soft navigation, a
     * back/forward-cache restore or a prerender counts in a series of its own ({@code LCP@soft-navigation}): its
     * TTFB is 0 or a placeholder and its LCP has no network in it, so neither may move the page's full loads.
     */
    public static Sample of(RumMetric metric) {
        String name = metric.isFullLoad() ? metric.metric().name()
                : metric.metric().name() + NAVIGATION_SEPARATOR + metric.navigationType();
        Long id = metric.metricId() == null || metric.metricId().isBlank() ? null
                : IdHash.of(metric.tenant(), name, metric.metricId());
        return new Sample(metric.tenant(), Source.RUM, metric.route(), name, metric.device().name(),
                metric.value(), rate(Source.RUM, name, metric.value()), false, id,
                metric.receivedAt().toEpochMilli(), Diagnostic.of(metric.metric(), metric.attribution()), null,
                metric.release(), metric.variant(), 1, 0);
    }

    public static Sample of(ServerTiming timing) {
        return new Sample(timing.tenant(), Source.SERVER, TrendKey.ALL, timing.operation(), TrendKey.ALL,
                timing.durationMs(), null, timing.error(), null, timing.receivedAt().toEpochMilli(), null, timing.weddingId(),
                timing.release(), timing.variant(), timing.requests(), 0);
    }

    /** The same sample counted under another route (the overflow route). */
    public Sample withRoute(String otherRoute) {
        return new Sample(tenant, source, otherRoute, metric, device, value, rating, error, dedupeId, time, diagnostic, weddingId, release, variant, count, inputError);
    }

    /** The same sample counted under another operation (the overflow operation). */
    public Sample withMetric(String otherMetric) {
        return new Sample(tenant, source, route, otherMetric, device, value, rating, error, dedupeId, time, diagnostic, weddingId, release, variant, count, inputError);
    }

    /** The same sample without the arms this partition has no room for (null where it has none). */
    public Sample withArms(String keptRelease, String keptVariant) {
        return new Sample(tenant, source, route, metric, device, value, rating, error, dedupeId, time, diagnostic, weddingId,
                keptRelease, keptVariant, count, inputError);
    }

    /** The same sample at another event time (a clock a little ahead, clamped to now). */
    public Sample at(long eventTime) {
        return new Sample(tenant, source, route, metric, device, value, rating, error, dedupeId, eventTime, diagnostic, weddingId,
                release, variant, count, inputError);
    }

    /**
     * The series this sample counts in. RUM: the route and device, the route on all devices (a page's trend),
     * all routes on the device, and all routes on all devices. Server timings: the operation, and all operations of the tenant (what interference watches).
     */
    public List<SeriesKey> series() {
        return seriesOf(tenant, source, route, metric, device, release, variant);
    }

    /**
     * The same, and for each arm the sample has (its release, its variant) that arm's series: the route and device, or
     * for server timings the operation. Arm series come last, so the page series keep their places.
     */
    public static List<SeriesKey> seriesOf(String tenant, Source source, String route, String metric, String device,
                                           String release, String variant) {
        List<SeriesKey> all = seriesOf(tenant, source, route, metric, device);
        if (release == null && variant == null) {
            return all;
        }
        List<SeriesKey> withArms = new java.util.ArrayList<>(all);
        for (String arm : new String[] {release, variant}) {
            if (arm != null) {
                withArms.add(new SeriesKey(tenant, source, all.get(0).route(), metric, all.get(0).device(), arm));
            }
        }
        return List.copyOf(withArms);
    }

    public static List<SeriesKey> seriesOf(String tenant, Source source, String route, String metric, String device) {
        if (source == Source.SERVER) {
            return List.of(new SeriesKey(tenant, source, TrendKey.ALL, metric, TrendKey.ALL),
                    new SeriesKey(tenant, source, TrendKey.ALL, TrendKey.ALL, TrendKey.ALL));
        }
        return List.of(new SeriesKey(tenant, source, route, metric, device),
                new SeriesKey(tenant, source, route, metric, TrendKey.ALL),
                new SeriesKey(tenant, source, TrendKey.ALL, metric, device),
                new SeriesKey(tenant, source, TrendKey.ALL, metric, TrendKey.ALL));
    }

    /** The rating a value of this series gets by the public thresholds, null for unrated metrics. */
    public static Rating rate(Source source, String metric, double value) {
        if (source != Source.RUM) {
            return null;
        }
        return Metric.fromName(baseMetric(metric)).flatMap(Metric::thresholds).map(t -> t.rate(value)).orElse(null);
    }

    /** {@code TTFB} of {@code TTFB@soft-navigation}; the name itself otherwise. */
    public static String baseMetric(String metric) {
        int at = metric.indexOf(NAVIGATION_SEPARATOR);
        return at < 0 ? metric : metric.substring(0, at);
    }
}

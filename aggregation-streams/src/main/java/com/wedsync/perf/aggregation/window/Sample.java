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
 */
public record Sample(String tenant, Source source, String route, String metric, String device, double value,
                     Rating rating, boolean error, Long dedupeId, long time) {

    /** A browser metric, rated by the public thresholds whatever the client claimed. */
    public static Sample of(RumMetric metric) {
        Long id = metric.metricId() == null || metric.metricId().isBlank() ? null
                : IdHash.of(metric.tenant(), metric.metric().name(), metric.metricId());
        return new Sample(metric.tenant(), Source.RUM, metric.route(), metric.metric().name(), metric.device().name(),
                metric.value(), rate(Source.RUM, metric.metric().name(), metric.value()), false, id,
                metric.receivedAt().toEpochMilli());
    }

    public static Sample of(ServerTiming timing) {
        return new Sample(timing.tenant(), Source.SERVER, TrendKey.ALL, timing.operation(), TrendKey.ALL,
                timing.durationMs(), null, timing.error(), null, timing.receivedAt().toEpochMilli());
    }

    /** The same sample counted under another route (the overflow route). */
    public Sample withRoute(String otherRoute) {
        return new Sample(tenant, source, otherRoute, metric, device, value, rating, error, dedupeId, time);
    }

    /** The same sample counted under another operation (the overflow operation). */
    public Sample withMetric(String otherMetric) {
        return new Sample(tenant, source, route, otherMetric, device, value, rating, error, dedupeId, time);
    }

    /** The same sample at another event time (a clock a little ahead, clamped to now). */
    public Sample at(long eventTime) {
        return new Sample(tenant, source, route, metric, device, value, rating, error, dedupeId, eventTime);
    }

    /**
     * The series this sample counts in. RUM: the route and device, the route on all devices (a page's trend),
     * all routes on the device, and all routes on all devices. Server timings: the operation, and all operations of the tenant (what interference watches).
     */
    public List<SeriesKey> series() {
        return seriesOf(tenant, source, route, metric, device);
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
        return Metric.fromName(metric).flatMap(Metric::thresholds).map(t -> t.rate(value)).orElse(null);
    }
}

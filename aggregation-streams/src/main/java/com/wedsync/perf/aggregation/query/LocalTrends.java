package com.wedsync.perf.aggregation.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.wedsync.perf.aggregation.topology.TrendStores;
import com.wedsync.perf.aggregation.window.CauseTable;
import com.wedsync.perf.aggregation.window.SeriesAggregate;
import com.wedsync.perf.model.event.Diagnosis;
import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.vitals.Metric;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;

/** Answers from this instance's own stores only; {@link TrendService} decides which instance to ask. */
@ApplicationScoped
public class LocalTrends {

    private final TrendStoreReader reader;
    private final ObjectWriter pointWriter;
    private final RecentPoints recent;

    public LocalTrends(TrendStoreReader reader, ObjectMapper json) {
        this.reader = reader;
        this.pointWriter = json.writerFor(TrendPointView.class);
        this.recent = new RecentPoints(pointWriter);
    }

    TrendSeries series(TrendQuery query, boolean withSketch) {
        String store = TrendStores.history(query.resolution());
        String series = query.series().encoded();
        Supplier<List<TrendPoint>> stored =
                () -> reader.fetch(store, series, Instant.EPOCH, Instant.now().plus(query.resolution().window()));
        RenderedPoints rendered = withSketch
                ? RenderedPoints.of(recent.between(store, series, query.from(), query.to(), stored).stream()
                        .map(point -> render(TrendPointView.of(point, true))).toList())
                : recent.renderedBetween(store, series, query.from(), query.to(), stored);
        double accuracy = recent.relativeAccuracy(store, series, stored);
        SeriesKey key = query.series();
        return new TrendSeries(key.tenant(), key.source(), key.route(), key.metric(), key.device(),
                query.resolution().label(), query.from(), query.to(), accuracy, rendered);
    }

    private String render(TrendPointView point) {
        try {
            return pointWriter.writeValueAsString(point);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the point at " + point.windowStart(), e);
        }
    }

    /**
     * Per route, this instance's part of the tenant's metric over [from, to): closed hours, then the closed
     * minutes after the last closed hour, so the current hour counts too.
     */
    List<RoutePartial> pagePartials(String tenant, Metric metric, Instant from, Instant to) {
        Map<String, SeriesAggregate> routes = new HashMap<>();
        Map<String, Instant> hoursEnd = new HashMap<>();
        for (KeyValue<String, TrendPoint> entry : routeSeries(TrendStores.HOUR_HISTORY, tenant, metric, from, to)) {
            add(routes, entry.value);
            hoursEnd.merge(entry.key, entry.value.windowEnd(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Instant minutesFrom = hoursEnd.values().stream().max(Comparator.naturalOrder()).orElse(from);
        for (KeyValue<String, TrendPoint> entry : routeSeries(TrendStores.MINUTE_HISTORY, tenant, metric, minutesFrom, to)) {
            Instant covered = hoursEnd.getOrDefault(entry.key, from);
            if (!entry.value.windowStart().isBefore(covered)) {
                add(routes, entry.value);
            }
        }
        return routes.entrySet().stream().map(e -> RoutePartial.of(e.getKey(), e.getValue())).toList();
    }

    /**
     * One page series' causes over [from, to): closed hours, then the closed minutes after the last of them, merged;
     * windows whose samples had no attribution add nothing.
     */
    Diagnosis diagnosis(SeriesKey series, Instant from, Instant to) {
        CauseTable merged = new CauseTable();
        Instant minutesFrom = from;
        for (TrendPoint hour : reader.<TrendPoint>fetch(TrendStores.HOUR_HISTORY, series.encoded(), from, to.minusMillis(1))) {
            if (!hour.windowEnd().isAfter(to)) {
                addCauses(merged, hour);
                minutesFrom = hour.windowEnd().isAfter(minutesFrom) ? hour.windowEnd() : minutesFrom;
            }
        }
        for (TrendPoint minute : reader.<TrendPoint>fetch(TrendStores.MINUTE_HISTORY, series.encoded(), minutesFrom,
                to.minusMillis(1))) {
            addCauses(merged, minute);
        }
        return merged.samples() == 0 ? null : merged.toDiagnosis();
    }

    private static void addCauses(CauseTable merged, TrendPoint point) {
        if (point.diagnosis() != null) {
            merged.merge(CauseTable.of(point.diagnosis()));
        }
    }

    List<InterferenceFinding> findings(Instant from, Instant to) {
        return reader.<InterferenceFinding>fetchAll(TrendStores.FINDINGS, from, to).stream().map(kv -> kv.value)
                .sorted(Comparator.comparing(InterferenceFinding::windowStart).thenComparing(InterferenceFinding::victimTenant))
                .toList();
    }

    private List<KeyValue<String, TrendPoint>> routeSeries(String store, String tenant, Metric metric, Instant from,
                                                               Instant to) {
        String prefix = SeriesKey.tenantPrefix(tenant);
        return reader.<TrendPoint>fetchAll(store, from, to.minusMillis(1)).stream()
                .filter(kv -> kv.key.startsWith(prefix))
                .filter(kv -> isRouteOnDevice(SeriesKey.parse(kv.key), metric))
                .toList();
    }

    private static boolean isRouteOnDevice(SeriesKey key, Metric metric) {
        return key.source() == Source.RUM && key.metric().equals(metric.name())
                && !TrendKey.ALL.equals(key.route()) && !TrendKey.ALL.equals(key.device());
    }

    private static void add(Map<String, SeriesAggregate> routes, TrendPoint point) {
        SeriesAggregate part = SeriesAggregate.of(point);
        routes.merge(point.route(), part, SeriesAggregate::merge);
    }
}

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
        String prefix = SeriesKey.tenantPrefix(tenant);
        return merged(key -> key.tenant().equals(tenant) && isRouteOnDevice(key, metric), SeriesKey::route, prefix, from, to)
                .entrySet().stream().map(e -> RoutePartial.of(e.getKey(), e.getValue())).toList();
    }

    /** Per tenant and operation, this instance's part of the server timings over [from, to); every tenant's when null. */
    List<OperationPartial> operationPartials(String tenant, Instant from, Instant to) {
        String prefix = tenant == null ? "" : SeriesKey.tenantPrefix(tenant);
        return merged(key -> (tenant == null || key.tenant().equals(tenant)) && isOperation(key),
                key -> key.tenant() + " " + key.metric(), prefix, from, to).entrySet().stream()
                .map(e -> OperationPartial.of(e.getKey().substring(0, e.getKey().indexOf(' ')),
                        e.getKey().substring(e.getKey().indexOf(' ') + 1), e.getValue()))
                .toList();
    }

    /**
     * The series {@code wanted} picks, merged by {@code group} over [from, to): closed hours, then each series' closed
     * minutes after its last closed hour.
     */
    private Map<String, SeriesAggregate> merged(java.util.function.Predicate<SeriesKey> wanted,
                                                java.util.function.Function<SeriesKey, String> group, String prefix,
                                                Instant from, Instant to) {
        Map<String, SeriesAggregate> groups = new HashMap<>();
        Map<String, Instant> hoursEnd = new HashMap<>();
        for (KeyValue<String, TrendPoint> entry : series(TrendStores.HOUR_HISTORY, prefix, wanted, from, to)) {
            groups.merge(group.apply(SeriesKey.parse(entry.key)), SeriesAggregate.of(entry.value), SeriesAggregate::merge);
            hoursEnd.merge(entry.key, entry.value.windowEnd(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Instant minutesFrom = hoursEnd.values().stream().max(Comparator.naturalOrder()).orElse(from);
        for (KeyValue<String, TrendPoint> entry : series(TrendStores.MINUTE_HISTORY, prefix, wanted, minutesFrom, to)) {
            Instant covered = hoursEnd.getOrDefault(entry.key, from);
            if (!entry.value.windowStart().isBefore(covered)) {
                groups.merge(group.apply(SeriesKey.parse(entry.key)), SeriesAggregate.of(entry.value), SeriesAggregate::merge);
            }
        }
        return groups;
    }

    /**
     * This instance's windows of the tenant's series of {@code arms} for one metric (a browser metric, or an operation
     * of {@code source} SERVER) over [from, to): closed hours inside it, then each series' closed minutes after its last
     * closed hour.
     */
    List<ArmWindow> armWindows(String tenant, Source source, String metric, java.util.Set<String> arms, Instant from,
                               Instant to) {
        String prefix = SeriesKey.tenantPrefix(tenant);
        java.util.function.Predicate<SeriesKey> wanted = key -> key.isArm() && key.tenant().equals(tenant)
                && key.source() == source && key.metric().equals(metric) && arms.contains(key.arm());
        List<ArmWindow> windows = new java.util.ArrayList<>();
        Map<String, Instant> hoursEnd = new HashMap<>();
        for (KeyValue<String, TrendPoint> entry : series(TrendStores.HOUR_HISTORY, prefix, wanted, from, to)) {
            if (!entry.value.windowStart().isBefore(from) && !entry.value.windowEnd().isAfter(to)) {
                windows.add(ArmWindow.of(SeriesKey.parse(entry.key), entry.value));
                hoursEnd.merge(entry.key, entry.value.windowEnd(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (KeyValue<String, TrendPoint> entry : series(TrendStores.MINUTE_HISTORY, prefix, wanted, from, to)) {
            if (!entry.value.windowStart().isBefore(hoursEnd.getOrDefault(entry.key, from))) {
                windows.add(ArmWindow.of(SeriesKey.parse(entry.key), entry.value));
            }
        }
        return windows;
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

    private List<KeyValue<String, TrendPoint>> series(String store, String prefix, java.util.function.Predicate<SeriesKey> wanted,
                                                      Instant from, Instant to) {
        return reader.<TrendPoint>fetchAll(store, from, to.minusMillis(1)).stream()
                .filter(kv -> kv.key.startsWith(prefix))
                .filter(kv -> wanted.test(SeriesKey.parse(kv.key)))
                .toList();
    }

    /** One operation of one tenant: not the tenant's all-operations series. */
    private static boolean isOperation(SeriesKey key) {
        return !key.isArm() && key.source() == Source.SERVER && !TrendKey.ALL.equals(key.metric()) && TrendKey.ALL.equals(key.route())
                && TrendKey.ALL.equals(key.device());
    }

    private static boolean isRouteOnDevice(SeriesKey key, Metric metric) {
        return !key.isArm() && key.source() == Source.RUM && key.metric().equals(metric.name())
                && !TrendKey.ALL.equals(key.route()) && !TrendKey.ALL.equals(key.device());
    }

}

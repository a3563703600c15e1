package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.aggregation.dedupe.IdShares;
import com.wedsync.perf.aggregation.window.Diagnostic;
import com.wedsync.perf.aggregation.window.DistinctNames;
import com.wedsync.perf.aggregation.window.Partial;
import com.wedsync.perf.aggregation.window.Sample;
import com.wedsync.perf.aggregation.window.SeenId;
import com.wedsync.perf.aggregation.window.SeriesAggregate;
import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.aggregation.window.Watermark;
import com.wedsync.perf.aggregation.window.WindowMath;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.route.RouteNormalizer;
import com.wedsync.perf.model.event.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ObjIntConsumer;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage one, on the partition the samples arrive on: counts each web-vitals id once with its latest value,
 * and collects every series' minute. When a minute closes (watermark past its end + grace) its partials go to
 * the owners of their series. Samples of a closed minute, and id updates whose minute closed, are dropped
 * and counted. Every second, and after closing minutes, it tells every owner how far it has got (its watermark).
 */
final class MinutePreAggregator implements Processor<String, Sample, String, Partial> {

    private static final long MINUTE = Resolution.MINUTE.window().toMillis();
    private static final char SEPARATOR = SeriesKey.SEPARATOR;
    /** A RUM sample's first two series are its page's (route × device, route × all devices): those keep causes. */
    private static final int PAGE_SERIES = 2;
    /** What {@link DistinctNames} answers for an arm without room: never a release or variant name. */
    private static final String NO_ARM = "";

    private final AggregationSettings settings;
    private final Watermark watermark = new Watermark();
    private final Map<Cell, String[]> storeKeys = new HashMap<>();
    /** The store keys of each open minute, so that closing and reporting never scan the store. */
    private final TreeMap<Long, List<String>> openMinutes = new TreeMap<>();
    private ProcessorContext<String, Partial> context;
    private SeenIdStore seenIds;
    private KeyValueStore<String, SeriesAggregate> partials;
    private Sensor lateSamples;
    private Sensor lateUpdates;
    private Sensor overflowSamples;
    private Sensor overflowArmSamples;
    private DistinctNames names;
    private DistinctNames arms;
    private IdShares idShares;
    private Sensor unrememberedIds;
    private long nextPurgeAt = Long.MIN_VALUE;
    private boolean started;

    MinutePreAggregator(AggregationSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Partial> context) {
        this.context = context;
        storeKeys.clear();
        seenIds = context.getStateStore(TrendStores.SEEN_IDS);
        partials = context.getStateStore(TrendStores.OPEN_PARTIALS);
        lateSamples = TopologySensors.counter(context, "late-samples");
        lateUpdates = TopologySensors.counter(context, "late-updates");
        overflowSamples = TopologySensors.counter(context, "overflow-samples");
        overflowArmSamples = TopologySensors.counter(context, "overflow-arm-samples");
        names = new DistinctNames(settings.namesPerPartition());
        arms = new DistinctNames(settings.armsPerPartition());
        idShares = new IdShares(settings.idsPerTenant());
        unrememberedIds = TopologySensors.counter(context, "unremembered-ids");
        openMinutes.clear();
        try (KeyValueIterator<String, SeriesAggregate> all = partials.all()) {
            all.forEachRemaining(entry -> open(windowOf(entry.key), entry.key));
        }
        started = false;
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> {
            startClock(now);
            closeDue(now);
            reportWatermark(now);
        });
    }

    /**
     * At the first record or tick: the context's clock does not run during init (it reads 0 there), so only now can
     * the watermark start from the restored open minutes — seeded at a wall time of 0 it would count the whole epoch
     * as idle time and jump decades ahead. A partition that has nothing to read (empty, or its backlog read) moves its
     * watermark to the wall clock after a while (see {@link Watermark}) and stops holding the owners' windows open;
     * a fresh platform's first windows wait that long for its empty partitions.
     */
    private void startClock(long now) {
        if (started) {
            return;
        }
        started = true;
        watermark.start(now);
        if (!openMinutes.isEmpty()) {
            watermark.seed(openMinutes.lastKey(), now);
        }
    }

    @Override
    public void process(Record<String, Sample> record) {
        Sample sample = bounded(record.value());
        long now = context.currentSystemTimeMs();
        startClock(now);
        watermark.observe(sample.time(), now);
        long window = WindowMath.start(Resolution.MINUTE, sample.time());
        if (isClosed(window, now)) {
            lateSamples.record();
            return;
        }
        String route = sample.route();
        String device = sample.device();
        if (sample.dedupeId() != null) {
            SeenId seen = seenIds.get(sample.dedupeId());
            if (seen != null && isClosed(seen.windowStart(), now)) {
                lateUpdates.record();
                return;
            }
            if (seen != null) {
                window = seen.windowStart();
                route = seen.route();
                device = seen.device();
                update(window, storeKeys(window, sample, route, device), (aggregate, series) ->
                        aggregate.remove(seen.value(), Sample.rate(sample.source(), sample.metric(), seen.value())));
            }
            if (seen != null || idShares.admit(sample.tenant(), Math.toIntExact(Math.floorDiv(window, MINUTE)))) {
                seenIds.put(sample.dedupeId(), new SeenId(window, sample.value(), route, device));
            } else {
                unrememberedIds.record();
            }
        }
        Diagnostic diagnostic = sample.diagnostic();
        update(window, storeKeys(window, sample, route, device), (aggregate, series) -> {
            aggregate.add(sample.value(), sample.rating(), sample.error(), sample.count()).bound(sample.inputError());
            if (diagnostic != null && series < PAGE_SERIES) {
                aggregate.diagnose(diagnostic, sample.value(), sample.rating());
            }
        });
        closeDue(now);
    }

    /**
     * The sample, or the same under the overflow route (operation) once its tenant opened its day's share here; and
     * without the arms (release, variant) beyond the tenant's day's share of those.
     */
    private Sample bounded(Sample sample) {
        return boundedName(boundedArms(sample));
    }

    private Sample boundedArms(Sample sample) {
        if (sample.release() == null && sample.variant() == null) {
            return sample;
        }
        String release = admitArm(sample, sample.release());
        String variant = admitArm(sample, sample.variant());
        if (release == null && sample.release() != null || variant == null && sample.variant() != null) {
            overflowArmSamples.record();
            return sample.withArms(release, variant);
        }
        return sample;
    }

    private String admitArm(Sample sample, String arm) {
        if (arm == null) {
            return null;
        }
        return arms.admit(sample.tenant(), arm, NO_ARM, sample.time()).equals(arm) ? arm : null;
    }

    private Sample boundedName(Sample sample) {
        boolean server = sample.source() == Source.SERVER;
        String name = server ? sample.metric() : sample.route();
        String admitted = names.admit(sample.tenant() + (server ? "/server" : "/rum"), name,
                server ? ServerOperations.OVERFLOW : RouteNormalizer.OVERFLOW, sample.time());
        if (admitted.equals(name)) {
            return sample;
        }
        overflowSamples.record();
        return server ? sample.withMetric(admitted) : sample.withRoute(admitted);
    }

    /** Applies {@code change} to each series' aggregate, with the series' index in {@link Sample#seriesOf}. */
    private void update(long window, String[] storeKeys, ObjIntConsumer<SeriesAggregate> change) {
        for (int series = 0; series < storeKeys.length; series++) {
            String storeKey = storeKeys[series];
            SeriesAggregate aggregate = partials.get(storeKey);
            if (aggregate == null) {
                aggregate = new SeriesAggregate(settings.relativeAccuracy());
                open(window, storeKey);
            }
            change.accept(aggregate, series);
            partials.put(storeKey, aggregate);
        }
    }

    /** The store keys of every series a sample of this window, route and device counts in: built once per open minute. */
    private String[] storeKeys(long window, Sample sample, String route, String device) {
        return storeKeys.computeIfAbsent(new Cell(window, sample.tenant(), sample.source(), route, sample.metric(), device,
                        sample.release(), sample.variant()),
                cell -> Sample.seriesOf(cell.tenant(), cell.source(), cell.route(), cell.metric(), cell.device(),
                                cell.release(), cell.variant()).stream()
                        .map(series -> Long.toString(window) + SEPARATOR + series.encoded())
                        .toArray(String[]::new));
    }

    private void open(long window, String storeKey) {
        openMinutes.computeIfAbsent(window, start -> new ArrayList<>()).add(storeKey);
    }

    private void closeDue(long now) {
        long mark = watermark.at(now);
        long nextCloseAt = nextCloseAt();
        if (!watermark.isKnown() || mark < nextCloseAt && mark < nextPurgeAt) {
            return;
        }
        if (mark >= nextCloseAt) {
            closeWindows(mark);
            reportWatermark(now);
        }
        if (mark >= nextPurgeAt) {
            // a full scan of the ids: a third of the retention apart, ids live at most 4/3 of it
            purgeSeenIds(mark);
            nextPurgeAt = mark + Math.max(MINUTE, settings.dedupeRetention().toMillis() / 3);
        }
    }

    private void closeWindows(long mark) {
        while (nextCloseAt() <= mark) {
            Map.Entry<Long, List<String>> minute = openMinutes.pollFirstEntry();
            long window = minute.getKey();
            for (String storeKey : minute.getValue()) {
                SeriesAggregate aggregate = partials.get(storeKey);
                if (aggregate != null && aggregate.count() > 0) {
                    String series = storeKey.substring(storeKey.indexOf(SEPARATOR) + 1);
                    context.forward(new Record<>(series, new Partial(window, aggregate), closesAt(window)));
                }
                partials.delete(storeKey);
            }
        }
        storeKeys.keySet().removeIf(cell -> closesAt(cell.window()) <= mark);
    }

    /** When the earliest open minute closes; never while none is open. */
    private long nextCloseAt() {
        return openMinutes.isEmpty() ? Long.MAX_VALUE : closesAt(openMinutes.firstKey());
    }

    /**
     * Tells every owner how far this partition has got: never past a minute it has not sent yet, which the open
     * minutes themselves say (so the report holds even if a minute closes later than the watermark alone implies).
     */
    private void reportWatermark(long now) {
        long mark = Math.min(watermark.at(now), nextCloseAt() - 1);
        if (mark != Long.MIN_VALUE) {
            context.forward(new Record<>(Partial.WATERMARK_KEY_PREFIX + context.taskId().partition(),
                    Partial.watermark(mark), mark));
        }
    }

    private void purgeSeenIds(long mark) {
        long before = mark - settings.dedupeRetention().toMillis();
        seenIds.forgetEndedBy(before);
        idShares.forgetBefore((int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, Math.floorDiv(before, MINUTE))));
    }

    private boolean isClosed(long windowStart, long now) {
        return closesAt(windowStart) <= watermark.at(now);
    }

    private long closesAt(long windowStart) {
        return settings.closesAt(WindowMath.end(Resolution.MINUTE, windowStart));
    }

    private static long windowOf(String storeKey) {
        return Long.parseLong(storeKey, 0, storeKey.indexOf(SEPARATOR), 10);
    }

    /** A minute of a tenant's metric on a route and device: the finest series a sample counts in. */
    private record Cell(long window, String tenant, Source source, String route, String metric, String device,
                        String release, String variant) {
    }
}

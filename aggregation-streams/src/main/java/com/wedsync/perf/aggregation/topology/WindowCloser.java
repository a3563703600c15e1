package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.aggregation.window.Partial;
import com.wedsync.perf.aggregation.window.SeriesAggregate;
import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.aggregation.window.WindowMath;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Stage two, on the partition that owns a series: merges the minute partials of every input partition, and when
 * a minute closes emits its TrendPoint, keeps it queryable and merges it into its hour and day — so hours and
 * days are merged sketches, never averaged percentiles. Hours and days close and are emitted the same way.
 * Its watermark is the lowest of the input partitions' watermarks: a window closes only when every input
 * partition has sent its part, however far behind one of them is.
 */
final class WindowCloser implements Processor<String, Partial, TrendKey, TrendPoint> {

    private static final char SEPARATOR = SeriesKey.SEPARATOR;

    private final AggregationSettings settings;
    private ProcessorContext<TrendKey, TrendPoint> context;
    private KeyValueStore<String, SeriesAggregate> windows;
    private KeyValueStore<String, Long> upstream;
    private long mark = Long.MIN_VALUE;
    private Sensor latePartials;
    /** The open windows by the watermark at which they close, so that closing never scans the store. */
    private final TreeMap<Long, List<OpenWindow>> closing = new TreeMap<>();

    WindowCloser(AggregationSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<TrendKey, TrendPoint> context) {
        this.context = context;
        windows = context.getStateStore(TrendStores.OPEN_WINDOWS);
        upstream = context.getStateStore(TrendStores.UPSTREAM_WATERMARKS);
        latePartials = TopologySensors.counter(context, "late-partials");
        mark = lowestUpstreamMark();
        closing.clear();
        try (KeyValueIterator<String, SeriesAggregate> all = windows.all()) {
            all.forEachRemaining(entry -> expectClose(OpenWindow.parse(entry.key)));
        }
    }

    @Override
    public void process(Record<String, Partial> record) {
        Partial partial = record.value();
        if (partial.isWatermark()) {
            String partition = record.key().substring(Partial.WATERMARK_KEY_PREFIX.length());
            Long known = upstream.get(partition);
            if (known == null || partial.windowStart() > known) {
                upstream.put(partition, partial.windowStart());
                mark = lowestUpstreamMark();
                closeDue();
            }
            return;
        }
        long minuteEnd = WindowMath.end(Resolution.MINUTE, partial.windowStart());
        if (settings.closesAt(minuteEnd) <= mark) {
            latePartials.record();
            return;
        }
        mergeInto(new OpenWindow(Resolution.MINUTE, partial.windowStart(), record.key()), partial.aggregate());
    }

    /** The lowest watermark of the input partitions; unknown until every one of them has reported. */
    private long lowestUpstreamMark() {
        long lowest = Long.MAX_VALUE;
        for (int partition = 0; partition < settings.inputPartitions(); partition++) {
            Long reported = upstream.get(Integer.toString(partition));
            if (reported == null) {
                return Long.MIN_VALUE;
            }
            lowest = Math.min(lowest, reported);
        }
        return lowest;
    }

    private void closeDue() {
        while (!closing.isEmpty() && closing.firstKey() <= mark) {
            List<OpenWindow> due = closing.pollFirstEntry().getValue();
            due.sort(Comparator.comparing(OpenWindow::resolution)); // minutes first: they merge into hours and days
            for (OpenWindow window : due) {
                SeriesAggregate aggregate = windows.get(window.encoded());
                if (aggregate != null) {
                    close(window, aggregate);
                }
            }
        }
    }

    private void close(OpenWindow window, SeriesAggregate aggregate) {
        windows.delete(window.encoded());
        SeriesKey series = SeriesKey.parse(window.series());
        TrendPoint point = aggregate.toTrendPoint(series, window.resolution(), Instant.ofEpochMilli(window.start()));
        WindowStore<String, TrendPoint> history = context.getStateStore(TrendStores.history(window.resolution()));
        history.put(window.series(), point, window.start());
        context.forward(new Record<>(point.key(), point, window.end()));
        if (window.resolution() == Resolution.MINUTE) {
            for (Resolution coarser : List.of(Resolution.HOUR, Resolution.DAY)) {
                mergeInto(new OpenWindow(coarser, WindowMath.start(coarser, window.start()), window.series()), aggregate);
            }
        }
    }

    private void mergeInto(OpenWindow window, SeriesAggregate addition) {
        SeriesAggregate current = windows.get(window.encoded());
        if (current == null) {
            current = new SeriesAggregate(settings.relativeAccuracy());
            expectClose(window);
        }
        windows.put(window.encoded(), current.merge(addition));
    }

    private void expectClose(OpenWindow window) {
        closing.computeIfAbsent(settings.closesAt(window.end()), at -> new ArrayList<>()).add(window);
    }

    /** Key of the open-windows store: resolution, window start and series. */
    record OpenWindow(Resolution resolution, long start, String series) {

        String encoded() {
            return resolution.label() + SEPARATOR + start + SEPARATOR + series;
        }

        long end() {
            return WindowMath.end(resolution, start);
        }

        static OpenWindow parse(String encoded) {
            int first = encoded.indexOf(SEPARATOR);
            int second = encoded.indexOf(SEPARATOR, first + 1);
            return new OpenWindow(Resolution.fromLabel(encoded.substring(0, first)).orElseThrow(),
                    Long.parseLong(encoded, first + 1, second, 10), encoded.substring(second + 1));
        }
    }
}

package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.histogram.HistogramDeltas;
import com.wedsync.perf.aggregation.histogram.HistogramSamples;
import com.wedsync.perf.aggregation.window.Sample;
import com.wedsync.perf.model.event.ServerHistogram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Back ends' duration histograms as samples: each stream's last cumulative point is kept (store
 * {@value TrendStores#HISTOGRAM_STREAMS}) so the next one counts only what it adds ({@link HistogramDeltas}), and the
 * added buckets become weighted samples ({@link HistogramSamples}). A stream silent for {@link #IDLE} is forgotten
 * (its next point counts as a first one), so streams a tenant stopped sending do not stay in state. Sensors count
 * restarts detected and stale points passed over: {@code histogram-restarts-total}, {@code histogram-stale-total}.
 */
final class HistogramStreams implements SampleSource<ServerHistogram> {

    static final Duration IDLE = Duration.ofDays(2);
    private static final Duration SWEEP = Duration.ofHours(1);

    private KeyValueStore<String, ServerHistogram> streams;
    private final Map<HistogramDeltas.Kind, Sensor> steps = new EnumMap<>(HistogramDeltas.Kind.class);

    @Override
    public void init(ProcessingContext context) {
        streams = context.getStateStore(TrendStores.HISTOGRAM_STREAMS);
        steps.put(HistogramDeltas.Kind.RESTARTED, TopologySensors.counter(context, "histogram-restarts"));
        steps.put(HistogramDeltas.Kind.STALE, TopologySensors.counter(context, "histogram-stale"));
        context.schedule(SWEEP, PunctuationType.WALL_CLOCK_TIME, this::forgetIdle);
    }

    @Override
    public List<Sample> samples(ServerHistogram point) {
        ServerHistogram previous = point.cumulative() ? streams.get(point.stream()) : null;
        HistogramDeltas.Step step = HistogramDeltas.step(previous, point);
        Sensor sensor = steps.get(step.kind());
        if (sensor != null) {
            sensor.record();
        }
        if (point.cumulative() && step.kind() != HistogramDeltas.Kind.STALE) {
            streams.put(point.stream(), point);
        }
        return step.added() == null ? List.of() : HistogramSamples.of(step.added());
    }

    private void forgetIdle(long now) {
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, ServerHistogram> all = streams.all()) {
            while (all.hasNext()) {
                KeyValue<String, ServerHistogram> stream = all.next();
                if (stream.value.receivedAt().toEpochMilli() < now - IDLE.toMillis()) {
                    idle.add(stream.key);
                }
            }
        }
        idle.forEach(streams::delete);
    }
}

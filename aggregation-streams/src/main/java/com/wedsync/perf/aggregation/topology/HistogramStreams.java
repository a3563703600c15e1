package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.histogram.HistogramDeltas;
import com.wedsync.perf.aggregation.histogram.HistogramSamples;
import com.wedsync.perf.aggregation.window.Sample;
import com.wedsync.perf.model.event.ServerHistogram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
 * (its next point counts as a first one), so streams a tenant stopped sending do not stay in state; and one tenant
 * keeps at most {@code streamsPerTenant} streams on a partition: the cumulative points of a further stream are not
 * counted (they cannot be differenced without their predecessor, and counting each whole would count its values again
 * every export), so a tenant minting attributes cannot fill the state others share. Sensors count restarts detected,
 * stale points passed over and points of streams beyond the cap: {@code histogram-restarts-total},
 * {@code histogram-stale-total}, {@code histogram-overflow-total}.
 */
final class HistogramStreams implements SampleSource<ServerHistogram> {

    static final Duration IDLE = Duration.ofDays(2);
    private static final Duration SWEEP = Duration.ofHours(1);

    private final int streamsPerTenant;
    private final Map<String, Integer> tenantStreams = new HashMap<>();
    private KeyValueStore<String, ServerHistogram> streams;
    private final Map<HistogramDeltas.Kind, Sensor> steps = new EnumMap<>(HistogramDeltas.Kind.class);
    private Sensor overflow;

    HistogramStreams(int streamsPerTenant) {
        this.streamsPerTenant = streamsPerTenant;
    }

    @Override
    public void init(ProcessingContext context) {
        streams = context.getStateStore(TrendStores.HISTOGRAM_STREAMS);
        steps.put(HistogramDeltas.Kind.RESTARTED, TopologySensors.counter(context, "histogram-restarts"));
        steps.put(HistogramDeltas.Kind.STALE, TopologySensors.counter(context, "histogram-stale"));
        overflow = TopologySensors.counter(context, "histogram-overflow");
        try (KeyValueIterator<String, ServerHistogram> all = streams.all()) {
            all.forEachRemaining(stream -> tenantStreams.merge(stream.value.tenant(), 1, Integer::sum));
        }
        context.schedule(SWEEP, PunctuationType.WALL_CLOCK_TIME, this::forgetIdle);
    }

    @Override
    public List<Sample> samples(ServerHistogram point) {
        ServerHistogram previous = point.cumulative() ? streams.get(point.stream()) : null;
        if (point.cumulative() && previous == null) {
            if (tenantStreams.getOrDefault(point.tenant(), 0) >= streamsPerTenant) {
                overflow.record();
                return List.of();
            }
            tenantStreams.merge(point.tenant(), 1, Integer::sum);
        }
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
                    tenantStreams.computeIfPresent(stream.value.tenant(), (tenant, count) -> count > 1 ? count - 1 : null);
                }
            }
        }
        idle.forEach(streams::delete);
    }
}

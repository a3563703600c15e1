package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.aggregation.interference.TenantHistory;
import com.wedsync.perf.aggregation.wedding.WeddingMinute;
import com.wedsync.perf.aggregation.wedding.WeddingTiming;
import com.wedsync.perf.aggregation.window.Sample;
import com.wedsync.perf.aggregation.window.StateSerdes;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.model.topic.Topics;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The trend topology, pure: RUM metrics, server timings and server duration histograms (each bucket a weighted
 * sample, cumulative histograms as differences per stream) become samples (what cannot be read, or breaks an
 * invariant, goes to {@code perf.deadletter.v1}); stage one pre-aggregates each
 * partition's minutes (counting a web-vitals id once); partials are repartitioned by series; stage two closes
 * minutes, hours and days and emits them to {@code perf.trends.v1} (the minutes of one release's or variant's series
 * to {@code perf.arm-trends.v1}, where canary verdicts read them); every tenant's closed server minutes go to
 * one partition where stage three looks for one tenant's load hurting others. The newest Lighthouse findings per
 * tenant and route ({@code perf.lighthouse.v1}) are a global table that page advice reads; server timings of a
 * scheduled wedding are also counted per wedding and minute against the wedding-day objectives.
 */
public final class AggregationTopology {

    private AggregationTopology() {
    }

    public static Topology build(AggregationSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, settings);

        KStream<byte[], Readout> rumRead = read(builder, Topics.RUM, Sample::of);
        KStream<byte[], Readout> serverRead = read(builder, Topics.SERVER_TIMINGS, Sample::of);
        KStream<byte[], Readout> histogramRead = builder.stream(Topics.SERVER_HISTOGRAMS.name(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .processValues(() -> new InputReader<>(Topics.SERVER_HISTOGRAMS,
                        new HistogramStreams(settings.namesPerPartition())),
                        TrendStores.HISTOGRAM_STREAMS);
        rumRead.merge(serverRead).merge(histogramRead).filterNot((key, readout) -> readout.isSample())
                .map((key, readout) -> KeyValue.pair(readout.deadLetter().sourceTopic(), readout.deadLetter()))
                .to(Topics.DEAD_LETTERS.name(),
                        Produced.with(Topics.DEAD_LETTERS.keySerde(), Topics.DEAD_LETTERS.valueSerde()));
        KStream<String, Sample> rum = samples(rumRead);
        KStream<String, Sample> server = samples(serverRead);
        weddingMinutes(builder, server, settings);

        KStream<TrendKey, TrendPoint> trends = rum.merge(server).merge(samples(histogramRead))
                .process(() -> new MinutePreAggregator(settings), TrendStores.SEEN_IDS, TrendStores.OPEN_PARTIALS)
                .repartition(Repartitioned.with(Serdes.String(), StateSerdes.PARTIAL).withName(TrendStores.PARTIALS_TOPIC)
                        .withStreamPartitioner(new PartialPartitioner()))
                .process(() -> new WindowCloser(settings), TrendStores.OPEN_WINDOWS, TrendStores.UPSTREAM_WATERMARKS,
                        TrendStores.MINUTE_HISTORY,
                        TrendStores.HOUR_HISTORY, TrendStores.DAY_HISTORY);
        trends.filterNot((key, point) -> point.isArm())
                .to(Topics.TRENDS.name(), Produced.with(Topics.TRENDS.keySerde(), Topics.TRENDS.valueSerde()));
        trends.filter((key, point) -> point.isArm() && point.resolution() == Resolution.MINUTE)
                .to(Topics.ARM_TRENDS.name(), Produced.with(Topics.ARM_TRENDS.keySerde(), Topics.ARM_TRENDS.valueSerde()));

        trends.filter((key, point) -> isTenantServerMinute(point))
                .selectKey((key, point) -> TrendStores.PLATFORM_KEY)
                .repartition(Repartitioned.with(Serdes.String(), Topics.TRENDS.valueSerde())
                        .withName(TrendStores.TENANT_MINUTES_TOPIC).withNumberOfPartitions(1))
                .process(() -> new InterferenceDetector(settings.interference()), TrendStores.TENANT_MINUTES,
                        TrendStores.INTERFERENCE_STATE, TrendStores.FINDINGS)
                .to(Topics.INTERFERENCE.name(),
                        Produced.with(Topics.INTERFERENCE.keySerde(), Topics.INTERFERENCE.valueSerde()));

        // The lab's side of page advice: small, wanted on every instance, replaced by each newer build.
        builder.globalTable(Topics.LIGHTHOUSE.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(TrendStores.LAB_FINDINGS)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        return builder.build();
    }

    /**
     * Server timings that name a wedding, joined with the wedding's schedule (a global table of
     * {@code perf.weddings.v1}), counted per wedding and minute inside the wedding's window ({@link WeddingTiming}).
     */
    private static void weddingMinutes(StreamsBuilder builder, KStream<String, Sample> server, AggregationSettings settings) {
        GlobalKTable<String, byte[]> schedules = builder.globalTable(Topics.WEDDINGS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(TrendStores.WEDDING_SCHEDULES)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        server.filter((tenant, sample) -> sample.weddingId() != null)
                .join(schedules, (tenant, sample) -> WeddingTiming.key(sample.tenant(), sample.weddingId()), WeddingTiming::of)
                .filter((tenant, timing) -> timing != null)
                .selectKey((tenant, timing) -> timing.key())
                .groupByKey(Grouped.with(TrendStores.WEDDING_TIMINGS_TOPIC, Serdes.String(), WeddingTiming.SERDE))
                .windowedBy(TimeWindows.ofSizeAndGrace(Resolution.MINUTE.window(), settings.grace()))
                .aggregate(WeddingMinute::empty, (wedding, timing, minute) -> minute.plus(timing),
                        Materialized.<String, WeddingMinute, WindowStore<Bytes, byte[]>>as(TrendStores.WEDDING_MINUTES)
                                .withKeySerde(Serdes.String()).withValueSerde(WeddingMinute.SERDE)
                                .withRetention(TrendStores.WEDDING_MINUTES_RETENTION));
    }

    /** All of a tenant's operations in one minute: what interference compares across tenants. */
    static boolean isTenantServerMinute(TrendPoint point) {
        return !point.isArm() && point.source() == Source.SERVER && point.resolution() == Resolution.MINUTE
                && TrendKey.ALL.equals(point.metric());
    }

    /**
     * A topic's records read into samples or dead letters ({@link InputReader}); keys are not parsed (every value
     * carries its tenant), which saves the work.
     */
    private static <V> KStream<byte[], Readout> read(StreamsBuilder builder, Topic<?, V> topic,
                                                     Function<V, Sample> toSample) {
        return builder.stream(topic.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .processValues(() -> new InputReader<>(topic, toSample));
    }

    private static KStream<String, Sample> samples(KStream<byte[], Readout> read) {
        return read.filter((key, readout) -> readout.isSample()).mapValues(Readout::sample)
                .selectKey((key, sample) -> sample.tenant());
    }

    private static void addStores(StreamsBuilder builder, AggregationSettings settings) {
        // Ids are many and live for the dedupe retention: looked up in memory, journalled in chunks on disk.
        // Open windows are few and hot: in memory, restored from their changelog. All are updated per sample (or
        // per partial) and written once per commit.
        builder.addStateStore(new WrappingStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TrendStores.SEEN_IDS), Serdes.Long(), Serdes.ByteArray()), SeenIdStore::new));
        builder.addStateStore(new WrappingStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(TrendStores.OPEN_PARTIALS), Serdes.String(), StateSerdes.AGGREGATE),
                BufferedStore::new));
        builder.addStateStore(new WrappingStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(TrendStores.OPEN_WINDOWS), Serdes.String(), StateSerdes.AGGREGATE),
                BufferedStore::new));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TrendStores.HISTOGRAM_STREAMS),
                Serdes.String(), Topics.SERVER_HISTOGRAMS.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TrendStores.UPSTREAM_WATERMARKS),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(history(TrendStores.MINUTE_HISTORY, settings.minuteRetention(), Resolution.MINUTE));
        builder.addStateStore(history(TrendStores.HOUR_HISTORY, settings.hourRetention(), Resolution.HOUR));
        builder.addStateStore(history(TrendStores.DAY_HISTORY, settings.dayRetention(), Resolution.DAY));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TrendStores.TENANT_MINUTES),
                Serdes.String(), TenantHistory.SERDE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TrendStores.INTERFERENCE_STATE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(TrendStores.FINDINGS, settings.hourRetention(), Duration.ofMinutes(1), false),
                Serdes.String(), Topics.INTERFERENCE.valueSerde()));
    }

    private static StoreBuilder<?> history(String name, Duration retention, Resolution resolution) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, retention, resolution.window(), false),
                Serdes.String(), Topics.TRENDS.valueSerde());
    }
}

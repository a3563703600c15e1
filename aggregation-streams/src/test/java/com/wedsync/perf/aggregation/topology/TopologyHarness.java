package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.aggregation.window.Partial;
import com.wedsync.perf.aggregation.window.StateSerdes;
import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.OperationKey;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.ServerHistogram;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.model.vitals.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;

/** The real topology in a TopologyTestDriver whose wall clock moves with the event times the test sends. */
final class TopologyHarness implements AutoCloseable {

    final TopologyTestDriver driver;
    private final TestInputTopic<RouteKey, RumMetric> rum;
    private final TestInputTopic<OperationKey, ServerTiming> server;
    private final TestInputTopic<String, ServerHistogram> histograms;
    private final TestOutputTopic<TrendKey, TrendPoint> trends;
    private final TestOutputTopic<String, InterferenceFinding> interference;
    private Instant wallClock;

    TopologyHarness(AggregationSettings settings, Instant start) {
        this(settings, start, 1);
    }

    /** With more input partitions than the driver's one, a test plays the other partitions' part by hand. */
    TopologyHarness(AggregationSettings settings, Instant start, int inputPartitions) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aggregation-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(AggregationTopology.build(settings.withInputPartitions(inputPartitions)), props, start);
        wallClock = start;
        rum = driver.createInputTopic(Topics.RUM.name(), Topics.RUM.keySerde().serializer(),
                Topics.RUM.valueSerde().serializer());
        server = driver.createInputTopic(Topics.SERVER_TIMINGS.name(), Topics.SERVER_TIMINGS.keySerde().serializer(),
                Topics.SERVER_TIMINGS.valueSerde().serializer());
        histograms = driver.createInputTopic(Topics.SERVER_HISTOGRAMS.name(),
                Topics.SERVER_HISTOGRAMS.keySerde().serializer(), Topics.SERVER_HISTOGRAMS.valueSerde().serializer());
        trends = driver.createOutputTopic(Topics.TRENDS.name(), Topics.TRENDS.keySerde().deserializer(),
                Topics.TRENDS.valueSerde().deserializer());
        interference = driver.createOutputTopic(Topics.INTERFERENCE.name(), Topics.INTERFERENCE.keySerde().deserializer(),
                Topics.INTERFERENCE.valueSerde().deserializer());
    }

    static RumMetric metric(String tenant, String route, Metric metric, double value, DeviceClass device, String id,
                            Instant at) {
        return RumMetric.of(tenant, route, metric, value, device, "4g", "navigate", id, null, at);
    }

    static ServerTiming timing(String tenant, String operation, double ms, boolean error, Instant at) {
        return new ServerTiming(tenant, operation, "/api/x", ms, error ? 500 : 200, error, null, at);
    }

    /** Sends a metric as ingest would, at its receive time, with the wall clock at that time. */
    void send(RumMetric metric) {
        advanceTo(metric.receivedAt());
        rum.pipeInput(metric.key(), metric, metric.receivedAt());
    }

    /** Sends a metric received earlier, as a backlog is read after downtime: the wall clock stays where it is. */
    void replay(RumMetric metric) {
        rum.pipeInput(metric.key(), metric, metric.receivedAt());
    }

    void send(ServerTiming timing) {
        advanceTo(timing.receivedAt());
        server.pipeInput(timing.key(), timing, timing.receivedAt());
    }

    /** Sends a histogram point as ingest would, keyed by its stream, with the wall clock at its receive time. */
    void send(ServerHistogram point) {
        advanceTo(point.receivedAt());
        histograms.pipeInput(point.stream(), point, point.receivedAt());
    }

    /**
     * Moves the wall clock on in one-second steps, as it passes in production where the punctuators fire every
     * second; with no traffic, windows close through the idle watermark.
     */
    void advanceTo(Instant time) {
        while (time.isAfter(wallClock)) {
            Duration step = Duration.between(wallClock, time);
            step = step.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : step;
            driver.advanceWallClockTime(step);
            wallClock = wallClock.plus(step);
        }
    }

    void idle(Duration duration) {
        advanceTo(wallClock.plus(duration));
    }

    /** An input topic as raw bytes, to send what no well-behaved producer would. */
    TestInputTopic<byte[], byte[]> raw(String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    List<DeadLetter> deadLetters() {
        return driver.createOutputTopic(Topics.DEAD_LETTERS.name(), Topics.DEAD_LETTERS.keySerde().deserializer(),
                Topics.DEAD_LETTERS.valueSerde().deserializer()).readValuesToList();
    }

    /** The internal topic between the partitions and the series owners, to play another input partition. */
    TestInputTopic<String, Partial> partials() {
        return driver.createInputTopic("aggregation-test-" + TrendStores.PARTIALS_TOPIC + "-repartition",
                org.apache.kafka.common.serialization.Serdes.String().serializer(), StateSerdes.PARTIAL.serializer());
    }

    List<TrendPoint> emitted() {
        return trends.readValuesToList();
    }

    /** The minutes of release and variant series, from perf.arm-trends.v1. */
    List<TrendPoint> armMinutes() {
        return driver.createOutputTopic(Topics.ARM_TRENDS.name(), Topics.ARM_TRENDS.keySerde().deserializer(),
                Topics.ARM_TRENDS.valueSerde().deserializer()).readValuesToList();
    }

    List<InterferenceFinding> findings() {
        return interference.readValuesToList();
    }

    WindowStore<String, TrendPoint> history(Resolution resolution) {
        return driver.getWindowStore(TrendStores.history(resolution));
    }

    /** A counter of the topology's own sensors, summed over tasks. */
    double counter(String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(TopologySensors.GROUP) && e.getKey().name().equals(name))
                .map(e -> e.getKey())
                .mapToDouble(key -> ((Number) driver.metrics().get(key).metricValue()).doubleValue())
                .sum();
    }

    @Override
    public void close() {
        driver.close();
    }
}

package com.wedsync.perf.aggregation.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.StackSettings;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.model.vitals.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web-vitals ids a task remembers survive losing its state: on a real broker with exactly_once_v2, an id is
 * reported, the application stops and its local state is deleted, a new instance restores the id journal from its
 * changelog, and the id's second report replaces the first instead of counting again.
 */
class IdJournalRestoreIT {

    private static final String APPLICATION_ID = "it-id-journal";
    private static final String TENANT = "studio-restore";
    private static final String ROUTE = "/weddings/:id/guests";
    private static LocalStack stack;

    @TempDir
    Path stateDirs;

    @BeforeAll
    static void startBroker(@TempDir Path scratch) {
        stack = LocalStack.start(StackSettings.forTests(System.getenv(), scratch)); // with the platform's topics
    }

    @AfterAll
    static void stopBroker() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldCountAnIdOnceWithItsLatestValueAfterTheStateWasRestoredFromTheChangelog() throws Exception {
        // Event time ten minutes back: not live, so only the records sent here move the watermark.
        Instant minute = Instant.ofEpochSecond((System.currentTimeMillis() / 60_000 - 10) * 60);
        try (KafkaStreams first = start("first")) {
            RecordMetadata sent = send(cls(0.05, "v5-layout-1", minute.plusSeconds(5)), null);
            awaitCommitted(new TopicPartition(sent.topic(), sent.partition()), sent.offset() + 1);
            first.close(Duration.ofSeconds(30));
            first.cleanUp();
        }

        try (KafkaStreams second = start("second")) {
            send(cls(0.30, "v5-layout-1", minute.plusSeconds(40)), null);
            // Every input partition moves past the minute, so it closes without waiting for idle partitions.
            for (int partition = 0; partition < Topics.RUM.partitions(); partition++) {
                send(RumMetric.of(TENANT, ROUTE, Metric.LCP, 1_800, DeviceClass.MOBILE, null, null,
                        "v5-paint-" + partition, null, minute.plusSeconds(180)), partition);
            }

            TrendPoint point = awaitMinutePoint(minute);
            assertThat(point.count()).as("the id counts once").isEqualTo(1);
            assertThat(point.min()).isEqualTo(0.30);
            assertThat(point.max()).isEqualTo(0.30);
            assertThat(point.good()).as("0.05 was good: taken back").isZero();
            assertThat(point.poor()).as("0.30 is poor").isEqualTo(1);
        }
    }

    private KafkaStreams start(String instance) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve(instance).toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        KafkaStreams streams = new KafkaStreams(AggregationTopology.build(AggregationSettings.defaults()), props);
        streams.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    private static RumMetric cls(double value, String id, Instant at) {
        return RumMetric.of(TENANT, ROUTE, Metric.CLS, value, DeviceClass.MOBILE, "4g", "navigate", id, null, at);
    }

    /** Sends as ingest does (keyed by tenant and route), or to the given partition. */
    private static RecordMetadata send(RumMetric metric, Integer partition) throws Exception {
        try (KafkaProducer<RouteKey, RumMetric> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
                Topics.RUM.keySerde().serializer(), Topics.RUM.valueSerde().serializer())) {
            return producer.send(new ProducerRecord<>(Topics.RUM.name(), partition, metric.receivedAt().toEpochMilli(),
                    metric.key(), metric)).get();
        }
    }

    private static void awaitCommitted(TopicPartition input, long offset) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                        .partitionsToOffsetAndMetadata().get().get(input);
                return committed != null && committed.offset() >= offset;
            });
        }
    }

    private static TrendPoint awaitMinutePoint(Instant minute) {
        List<TrendPoint> points = new ArrayList<>();
        try (KafkaConsumer<TrendKey, TrendPoint> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.bootstrapServers(), "group.id", "it-id-journal-reader",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                Topics.TRENDS.keySerde().deserializer(), Topics.TRENDS.valueSerde().deserializer())) {
            consumer.subscribe(Set.of(Topics.TRENDS.name()));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (ConsumerRecord<TrendKey, TrendPoint> record : consumer.poll(Duration.ofMillis(500))) {
                    TrendPoint point = record.value();
                    if (point.metric().equals("CLS") && point.route().equals(ROUTE) && point.device().equals("MOBILE")
                            && point.resolution() == Resolution.MINUTE && point.windowStart().equals(minute)) {
                        points.add(point);
                    }
                }
                return !points.isEmpty();
            });
        }
        assertThat(points).as("one point for the minute").hasSize(1);
        return points.get(0);
    }
}

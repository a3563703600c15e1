package com.wedsync.perf.platform;

import com.wedsync.perf.localstack.TopicRecords;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads what ingest published to {@code perf.rum.v1}, from the beginning, as aggregation-streams would. */
public final class RumTopic {

    private RumTopic() {
    }

    /** One tenant's metrics, read until at least {@code expected} arrived or the time is up. */
    public static List<RumMetric> read(String bootstrap, String tenant, int expected, Duration within) {
        try (KafkaConsumer<RouteKey, RumMetric> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                Topics.RUM.keySerde().deserializer(), Topics.RUM.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RUM.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<RumMetric> metrics = new ArrayList<>();
            Instant deadline = Instant.now().plus(within);
            while (metrics.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<RouteKey, RumMetric> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().tenant().equals(tenant)) {
                        metrics.add(record.value());
                    }
                }
            }
            return metrics;
        }
    }

    /** Every readable metric of a tenant on the topic, skipping records that cannot be read (poison records). */
    public static List<RumMetric> readReadable(String bootstrap, String tenant) {
        List<RumMetric> metrics = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : new TopicRecords(bootstrap).readAll(Topics.RUM.name())) {
            try {
                RumMetric metric = Topics.RUM.valueSerde().deserializer().deserialize(record.topic(), record.value());
                if (metric != null && metric.tenant().equals(tenant)) {
                    metrics.add(metric);
                }
            } catch (RuntimeException poison) {
                // not a metric: the dead-letter tests put such records there on purpose
            }
        }
        return metrics;
    }
}

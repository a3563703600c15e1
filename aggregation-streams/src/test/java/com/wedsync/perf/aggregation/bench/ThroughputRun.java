package com.wedsync.perf.aggregation.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** Runs one topology with exactly_once_v2 over the whole input topic and measures records per second. */
final class ThroughputRun {

    private ThroughputRun() {
    }

    /** Records/s from RUNNING until the application's committed offsets reach the input's end; prints what was dropped. */
    static double measure(String bootstrap, Topology topology, String applicationId, String inputTopic, int threads)
            throws Exception {
        Path stateDir = Files.createTempDirectory("bench-streams");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        props.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
             KafkaStreams streams = new KafkaStreams(topology, props)) {
            Map<TopicPartition, Long> end = endOffsets(admin, inputTopic);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            streams.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                check(streams, deadline, "to start");
                Thread.sleep(20);
            }
            long started = System.nanoTime();
            deadline = started + Duration.ofMinutes(20).toNanos();
            while (committed(admin, applicationId, end) < total) {
                check(streams, deadline, "to consume " + total + " records");
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            printDropped(streams, applicationId);
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            return total / seconds;
        }
    }

    private static void printDropped(KafkaStreams streams, String applicationId) {
        Map<String, Double> dropped = new java.util.TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-perf-aggregation-metrics") && name.name().endsWith("-total")) {
                dropped.merge(name.name(), ((Number) metric.metricValue()).doubleValue(), Double::sum);
            }
        });
        if (!dropped.isEmpty()) {
            System.out.println("  " + applicationId + " dropped: " + dropped);
        }
    }

    private static void check(KafkaStreams streams, long deadline, String what) {
        if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.PENDING_ERROR) {
            throw new IllegalStateException("the topology failed");
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("timed out waiting " + what);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static long committed(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (TopicPartition partition : end.keySet()) {
            OffsetAndMetadata offset = offsets.get(partition);
            // Under exactly-once the committed offset sits past the last transaction marker.
            sum += offset == null ? 0 : Math.min(end.get(partition), offset.offset());
        }
        return sum;
    }
}

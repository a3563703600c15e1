package com.wedsync.perf.service.kafka;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Reads a consumer group's positions and its input's ends (and optionally an output's newest record) with an admin client. */
public final class GroupLagProbe implements AutoCloseable {

    private static final long TIMEOUT_S = 10;

    private final Admin admin;
    private final String group;
    private final List<String> topics;

    public GroupLagProbe(String bootstrapServers, String group, List<String> topics) {
        this.admin = Admin.create(KafkaSecurity.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, group + "-lag-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000)));
        this.group = group;
        this.topics = List.copyOf(topics);
    }

    /** Measures and feeds {@code progress}. */
    public InputProgress.Snapshot measure(InputProgress progress, Optional<String> outputTopic) throws Exception {
        Map<TopicPartition, Long> ends = offsets(partitions(topics), OffsetSpec.latest());
        Map<TopicPartition, Long> positions = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                positions.put(partition, offset.offset());
            }
        });
        List<TopicPartition> uncommitted = ends.keySet().stream().filter(p -> !positions.containsKey(p)).toList();
        if (!uncommitted.isEmpty()) {
            positions.putAll(offsets(uncommitted, OffsetSpec.earliest()));
        }
        positions.keySet().retainAll(ends.keySet());
        InputProgress.Snapshot snapshot = progress.update(positions, ends, Instant.now());
        if (outputTopic.isEmpty()) {
            return snapshot;
        }
        return snapshot.withNewestOutput(newest(outputTopic.get()).orElse(null));
    }

    /** The newest record timestamp on a topic (for the trends topic: the end of the newest closed window). */
    private Optional<Instant> newest(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions(List.of(topic)).forEach(p -> request.put(p, OffsetSpec.maxTimestamp()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        return result.values().stream().filter(info -> info.offset() >= 0).map(info -> info.timestamp())
                .max(Long::compare).map(Instant::ofEpochMilli);
    }

    private List<TopicPartition> partitions(Collection<String> names) throws Exception {
        return admin.describeTopics(names).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT_S, TimeUnit.SECONDS).forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}

package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.window.Partial;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends a partial to the partition of its series — the same one Kafka's default partitioner picks, so interactive
 * queries find the series where they look — and a watermark to every partition.
 */
final class PartialPartitioner implements StreamPartitioner<String, Partial> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Partial value, int numPartitions) {
        if (value.isWatermark()) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions));
    }
}

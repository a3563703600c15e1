package com.wedsync.perf.model.topic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Everything about one topic in one place: name, partitions, cleanup policy, retention, and the serdes of
 * its keys and values. Producers, topologies, the local stack and tests all take these from {@link Topics}.
 *
 * @param retention how long records are kept; null for compacted topics, which keep the latest per key forever
 */
public record Topic<K, V>(String name, int partitions, CleanupPolicy cleanupPolicy, Duration retention,
                          Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for " + name);
        }
        if ((cleanupPolicy == CleanupPolicy.COMPACT) != (retention == null)) {
            throw new IllegalArgumentException(name + ": compacted topics have no retention, deleting ones need one");
        }
    }

    static <K, V> Topic<K, V> compacted(String name, int partitions, Serde<K> keySerde, Serde<V> valueSerde) {
        return new Topic<>(name, partitions, CleanupPolicy.COMPACT, null, keySerde, valueSerde);
    }

    static <K, V> Topic<K, V> retained(String name, int partitions, Duration retention,
                                       Serde<K> keySerde, Serde<V> valueSerde) {
        return new Topic<>(name, partitions, CleanupPolicy.DELETE, retention, keySerde, valueSerde);
    }

    /** The topic-level configs to create it with. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanupPolicy.config());
        if (retention != null) {
            configs.put("retention.ms", Long.toString(retention.toMillis()));
        }
        return configs;
    }
}

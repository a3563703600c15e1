package com.wedsync.perf.ingest;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.model.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads what reaches a registry topic after the reader was opened, from the test JVM's local stack. */
final class TopicReader<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> seen = new ArrayList<>();

    private TopicReader(KafkaConsumer<K, V> consumer) {
        this.consumer = consumer;
    }

    static <K, V> TopicReader<K, V> fromNow(Topic<K, V> topic) {
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", LocalStack.shared().bootstrapServers(), "enable.auto.commit", false),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new TopicReader<>(consumer);
    }

    /** Every record that arrived until {@code enough} holds or the timeout passed. */
    List<ConsumerRecord<K, V>> awaitRecords(Predicate<List<ConsumerRecord<K, V>>> enough, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!enough.test(seen) && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** Everything that arrives within {@code quiet}: for asserting that nothing (more) was published. */
    List<ConsumerRecord<K, V>> drain(Duration quiet) {
        return awaitRecords(records -> false, quiet);
    }

    V awaitValue(K key, Duration timeout) {
        return awaitRecords(records -> records.stream().anyMatch(r -> key.equals(r.key())), timeout).stream()
                .filter(r -> key.equals(r.key())).reduce((first, second) -> second)
                .map(ConsumerRecord::value)
                .orElseThrow(() -> new AssertionError("no record with key " + key + " within " + timeout));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

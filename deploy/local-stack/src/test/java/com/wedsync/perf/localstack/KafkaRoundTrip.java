package com.wedsync.perf.localstack;

import com.wedsync.perf.model.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Sends records to a registry topic and reads back only what arrived after it started listening. */
final class KafkaRoundTrip<K, V> implements AutoCloseable {

    private final Topic<K, V> topic;
    private final KafkaProducer<K, V> producer;
    private final KafkaConsumer<K, V> consumer;

    private KafkaRoundTrip(Topic<K, V> topic, KafkaProducer<K, V> producer, KafkaConsumer<K, V> consumer) {
        this.topic = topic;
        this.producer = producer;
        this.consumer = consumer;
    }

    static <K, V> KafkaRoundTrip<K, V> on(LocalStack stack, Topic<K, V> topic) {
        KafkaProducer<K, V> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", stack.bootstrapServers(), "acks", "all", "enable.idempotence", true),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.bootstrapServers(), "enable.auto.commit", false, "isolation.level", "read_committed"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new KafkaRoundTrip<>(topic, producer, consumer);
    }

    void send(K key, V value) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("send to " + topic.name() + " failed", e);
        }
    }

    /** Polls until {@code expected} values arrived or the timeout passed, and returns what arrived. */
    List<V> readAll(int expected, Duration timeout) {
        List<V> values = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (values.size() < expected && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.value());
            }
        }
        return values;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}

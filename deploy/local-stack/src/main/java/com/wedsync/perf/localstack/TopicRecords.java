package com.wedsync.perf.localstack;

import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.topic.Topics;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Raw records on a topic of a running broker, for tests of what consumers make of records nobody should write:
 * send any bytes, read a whole topic back, and find the dead letters a consumer wrote for given offsets.
 */
public final class TopicRecords {

    private static final Duration READ_AT_MOST = Duration.ofSeconds(30);

    private final String bootstrapServers;

    public TopicRecords(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends a text value (or none, when null) to one partition and returns where it landed. */
    public RecordMetadata send(String topic, int partition, String value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, partition, null,
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Every committed record of a topic, from its start up to its end as it is now. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed", "enable.auto.commit", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_AT_MOST);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_AT_MOST);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The dead letters {@code consumer} wrote for these records of theirs. */
    public List<DeadLetter> deadLetters(String consumer, List<RecordMetadata> records) {
        return readAll(Topics.DEAD_LETTERS.name()).stream()
                .map(r -> Topics.DEAD_LETTERS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .filter(letter -> letter.consumer().equals(consumer) && records.stream().anyMatch(sent ->
                        sent.topic().equals(letter.sourceTopic()) && sent.partition() == letter.partition()
                                && sent.offset() == letter.offset()))
                .toList();
    }
}

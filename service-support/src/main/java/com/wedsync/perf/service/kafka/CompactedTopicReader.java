package com.wedsync.perf.service.kafka;

import com.wedsync.perf.model.topic.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads a whole compacted topic on its own thread, from the beginning and then as it changes, handing each poll's
 * latest values per key (empty for a tombstone) to {@code onChanges}. No consumer group: every instance reads every
 * partition, so each holds the complete table.
 */
public final class CompactedTopicReader<V> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CompactedTopicReader.class);

    private final Topic<String, V> topic;
    private final Consumer<Map<String, Optional<V>>> onChanges;
    private final KafkaConsumer<String, V> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean loaded;

    public CompactedTopicReader(String bootstrapServers, String clientId, Topic<String, V> topic,
                                Consumer<Map<String, Optional<V>>> onChanges) {
        this.topic = topic;
        this.onChanges = onChanges;
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", false,
                "client.id", clientId), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        this.thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
    }

    public CompactedTopicReader<V> start() {
        thread.start();
        return this;
    }

    /** True once everything on the topic at start-up has been read. */
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofMinutes(5))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
            while (running) {
                Map<String, Optional<V>> changes = new HashMap<>();
                try {
                    for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                        changes.put(record.key(), Optional.ofNullable(record.value()));
                    }
                } catch (RecordDeserializationException e) {
                    LOG.errorf("skipping unreadable record of %s at %s offset %d: %s", topic.name(),
                            e.topicPartition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                if (!changes.isEmpty()) {
                    onChanges.accept(changes);
                }
                if (!loaded && endAtStart.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    loaded = true;
                    LOG.infof("%s loaded", topic.name());
                }
            }
        } catch (WakeupException stopping) {
            // close below
        } catch (RuntimeException e) {
            LOG.errorf(e, "stopped reading %s: %s", topic.name(), e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}

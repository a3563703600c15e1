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

    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);

    private final Topic<String, V> topic;
    private final Consumer<Map<String, Optional<V>>> onChanges;
    private final DeadLetterWriter deadLetters;
    private final KafkaConsumer<String, V> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean loaded;

    public CompactedTopicReader(String bootstrapServers, String clientId, Topic<String, V> topic,
                                Consumer<Map<String, Optional<V>>> onChanges, DeadLetterWriter deadLetters) {
        this.topic = topic;
        this.onChanges = onChanges;
        this.deadLetters = deadLetters;
        this.consumer = new KafkaConsumer<>(KafkaSecurity.with(Map.of("bootstrap.servers", bootstrapServers,
                "enable.auto.commit", false, "client.id", clientId)), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
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
            while (running) {
                try {
                    readFromStart();
                } catch (org.apache.kafka.common.errors.TimeoutException away) {
                    LOG.warnf("lost Kafka while reading %s, reading it again from the start: %s", topic.name(),
                            away.getMessage());
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // close below
        } catch (RuntimeException e) {
            LOG.errorf(e, "stopped reading %s: %s", topic.name(), e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /**
     * Reads the topic from its start and then follows it until closed. A broker that goes away in the middle
     * (offsets and positions time out) ends the pass; the next one starts over, which hands the same latest values on
     * again — harmless, they are a table.
     */
    private void readFromStart() throws InterruptedException {
        List<TopicPartition> partitions = awaitPartitions();
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
                deadLetter(e);
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
    }

    /**
     * The topic's partitions, waiting as long as it takes: a broker that is away at start-up (for minutes, or the
     * night) or a topic not created yet only delay readiness, they never end the reader.
     */
    private List<TopicPartition> awaitPartitions() throws InterruptedException {
        int attempt = 0;
        while (running) {
            attempt++;
            try {
                List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), METADATA_WAIT).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (!partitions.isEmpty()) {
                    if (attempt > 1) {
                        LOG.infof("%s is reachable again after %d attempts; reading it", topic.name(), attempt);
                    }
                    return partitions;
                }
                LOG.warnf("%s does not exist yet; waiting for it", topic.name());
            } catch (org.apache.kafka.common.errors.TimeoutException away) {
                LOG.warnf("cannot reach Kafka for %s (attempt %d), still trying: %s", topic.name(), attempt, away.getMessage());
            }
            Thread.sleep(Math.min(attempt, 10) * 1000L);
        }
        throw new WakeupException();
    }

    /**
     * An unreadable record goes to the dead-letter topic. These readers have no consumer group and read the topic from
     * its start at every start, so a record that stays on the compacted topic is reported again at each start.
     */
    private void deadLetter(RecordDeserializationException e) {
        ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(e.topicPartition().topic(), e.topicPartition().partition(),
                e.offset(), bytes(e.keyBuffer()), bytes(e.valueBuffer()));
        try {
            deadLetters.write(raw, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (RuntimeException notWritten) {
            LOG.errorf("skipping unreadable record of %s at %s offset %d (its dead letter could not be written: %s): %s",
                    topic.name(), e.topicPartition(), e.offset(), notWritten.getMessage(), e.getMessage());
        }
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}

package com.wedsync.perf.service.kafka;

import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Puts a record this service cannot use on {@code perf.deadletter.v1}, with where it came from and why, and counts it
 * ({@code perf_dead_letters_total}). Synchronous: when the letter cannot be written it throws, and the caller retries
 * the record instead of dropping it.
 */
@ApplicationScoped
public class DeadLetterWriter {

    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);
    private static final long SEND_TIMEOUT_MS = 30_000;

    private final DurableProducers producers;
    private final String consumer;
    private final MeterRegistry registry;
    private KafkaProducer<byte[], byte[]> producer;

    public DeadLetterWriter(DurableProducers producers,
                            @ConfigProperty(name = "quarkus.application.name") String consumer, MeterRegistry registry) {
        this.producers = producers;
        this.consumer = consumer;
        this.registry = registry;
    }

    public void write(ConsumerRecord<byte[], byte[]> record, String reason) {
        DeadLetter letter = DeadLetter.of(consumer, record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), reason, Instant.now());
        LOG.warnf("dead letter from %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), letter.reason());
        try {
            producer().send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(),
                    Topics.DEAD_LETTERS.keySerde().serializer().serialize(Topics.DEAD_LETTERS.name(), letter.sourceTopic()),
                    Topics.DEAD_LETTERS.valueSerde().serializer().serialize(Topics.DEAD_LETTERS.name(), letter)))
                    .get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterUnwritableException("could not write the dead letter from " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterUnwritableException("interrupted while writing a dead letter", e);
        }
        registry.counter("perf.dead.letters", "consumer", consumer, "topic", record.topic()).increment();
    }

    /** The dead-letter topic could not be written: the record is neither used nor dropped, and its channel fails. */
    public static final class DeadLetterUnwritableException extends IllegalStateException {
        DeadLetterUnwritableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = producers.create("dead-letters", new ByteArraySerializer(), new ByteArraySerializer(), Map.of(
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT_MS));
        }
        return producer;
    }
}

package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.kafka.KafkaSecurity;
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
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * The last line of defence behind {@link InputReader}: a record that a source serde cannot read, or that makes a
 * processor throw, is written to {@code perf.deadletter.v1} with where it came from and why, and the stream goes on
 * for every other tenant instead of shutting down. Written with a producer of its own (outside the stream's
 * transaction), so a crash right after it may write the same letter again; consumers of dead letters dedupe on
 * topic, partition and offset. When even the dead-letter topic cannot be written, the stream fails rather than
 * dropping the record silently.
 */
public final class DeadLetterExceptionHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    private static final Logger LOG = Logger.getLogger(DeadLetterExceptionHandler.class);
    private static final long SEND_TIMEOUT_MS = 30_000;

    private Map<String, ?> configs;
    private KafkaProducer<byte[], byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = configs;
    }

    /** Made at the first dead letter: Kafka Streams configures a handler per task, and most never write one. */
    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer != null) {
            return producer;
        }
        producer = new KafkaProducer<>(KafkaSecurity.with(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
                ProducerConfig.CLIENT_ID_CONFIG, configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-dead-letters-" + System.identityHashCode(this),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT_MS)),
                new ByteArraySerializer(), new ByteArraySerializer());
        return producer;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        boolean written = write(DeadLetter.of(InputReader.CONSUMER, record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), "unreadable: " + message(exception), Instant.now()));
        return written ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.errorf(exception, "processor %s failed on %s-%d@%d", context.processorNodeId(), context.topic(),
                context.partition(), context.offset());
        boolean written = write(DeadLetter.of(InputReader.CONSUMER, context.topic() == null ? "(punctuation)" : context.topic(),
                context.partition(), context.offset(), context.sourceRawKey(), context.sourceRawValue(),
                "processor " + context.processorNodeId() + " failed: " + message(exception), Instant.now()));
        return written ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    private boolean write(DeadLetter letter) {
        LOG.warnf("dead letter from %s-%d@%d: %s", letter.sourceTopic(), letter.partition(), letter.offset(),
                letter.reason());
        try {
            producer().send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(),
                    Topics.DEAD_LETTERS.keySerde().serializer().serialize(Topics.DEAD_LETTERS.name(), letter.sourceTopic()),
                    Topics.DEAD_LETTERS.valueSerde().serializer().serialize(Topics.DEAD_LETTERS.name(), letter)))
                    .get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.errorf("could not write the dead letter from %s-%d@%d, failing instead: %s", letter.sourceTopic(),
                    letter.partition(), letter.offset(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String message(Exception exception) {
        return exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
    }
}

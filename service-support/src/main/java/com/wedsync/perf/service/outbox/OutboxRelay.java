package com.wedsync.perf.service.outbox;

import com.wedsync.perf.service.kafka.DurableProducers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox every {@code perf.outbox.poll} (500 ms): oldest first, each batch in one Kafka transaction that is
 * committed before the batch is marked, in the database transaction that locked it. A batch Kafka did not take is
 * aborted as a whole and sent again on the next round, so an event is published at least once and never after one
 * written later (an idempotent producer alone would let a later batch through after an earlier one expired; consumers
 * read committed). One instance of a service relays at a time (an advisory lock; a zombie's producer is fenced by the
 * shared transactional id). {@code perf_outbox_waiting} says how many events wait, {@code perf_outbox_published_total}
 * how many went out.
 */
@Singleton
@IfBuildProperty(name = "perf.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final OutboxRows rows;
    private final DurableProducers producers;
    private final AtomicLong waiting = new AtomicLong();
    private final Counter published;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(OutboxRows rows, DurableProducers producers, MeterRegistry metrics) {
        this.rows = rows;
        this.producers = producers;
        this.published = metrics.counter("perf.outbox.published");
        Gauge.builder("perf.outbox.waiting", waiting, AtomicLong::get).register(metrics);
    }

    @Scheduled(every = "${perf.outbox.poll:500ms}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            publishWaiting();
            waiting.set(rows.waiting());
        } catch (RuntimeException e) {
            LOG.warnf("outbox not published yet, retrying: %s", e.getMessage());
        }
    }

    /** Publishes what waits now; answers how many events went out. */
    public synchronized int publishWaiting() {
        int sent = 0;
        int taken;
        while ((taken = rows.publishOldest(BATCH, this::send)) > 0) {
            sent += taken;
            published.increment(taken);
        }
        return sent;
    }

    /** Sends the batch in one Kafka transaction; answers its size once committed, 0 when it was not. */
    private int send(List<OutboxRow> batch) {
        try {
            KafkaProducer<String, byte[]> kafka = producer();
            kafka.beginTransaction();
            for (OutboxRow row : batch) {
                kafka.send(new ProducerRecord<>(row.topic(), row.key(), row.payload()));
            }
            kafka.commitTransaction();
            return batch.size();
        } catch (KafkaException e) {
            // Fenced, timed out or refused: whatever was sent is aborted with the producer, the batch waits.
            LOG.warnf("Kafka did not take %d outbox events (%s…), they wait: %s", batch.size(), batch.get(0).topic(),
                    e.getMessage());
            discardProducer();
            return 0;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            KafkaProducer<String, byte[]> created = producers.createTransactional("outbox", new StringSerializer(),
                    new ByteArraySerializer());
            try {
                created.initTransactions();
            } catch (KafkaException e) {
                producers.discard(created);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            producers.discard(producer);
            producer = null;
        }
    }
}

package com.wedsync.perf.service.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

/**
 * The one way the services consume a record, behind their {@code @Incoming} methods: read it (what cannot be read is
 * a {@link PoisonRecordException}, which the connector's {@code perf-dead-letter} failure strategy puts on the
 * dead-letter topic), then do the work, retrying while the failure is the environment's (the database away, a table
 * missing) — pausing the partition, never skipping the record — and dead-lettering only what the record caused.
 */
@ApplicationScoped
public class RecordHandling {

    private static final Logger LOG = Logger.getLogger(RecordHandling.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    private volatile boolean stopping;

    /** Reads a record's value, or says why it cannot be read. */
    public static <T> T read(ConsumerRecord<byte[], byte[]> record, Function<byte[], T> reader) {
        if (record.value() == null) {
            throw new PoisonRecordException("a record without a value (tombstone)", null);
        }
        try {
            return reader.apply(record.value());
        } catch (SerializationException | IllegalArgumentException unreadable) {
            // The message says what is wrong with the record; the parser's stack trace would say nothing more.
            throw new PoisonRecordException(unreadable.getMessage(), null);
        }
    }

    /** Runs the work for a record until it succeeds; failures that are not the record's wait and retry. */
    public void untilDone(ConsumerRecord<?, ?> record, Runnable work) {
        untilDone(record.topic() + "-" + record.partition() + "@" + record.offset(), work);
    }

    /**
     * As {@link #untilDone(ConsumerRecord, Runnable)}, for work on several records at once ({@code subject} names
     * them in the log): a failure any of them caused is a {@link PoisonRecordException}, which the caller resolves by
     * applying them one by one.
     */
    public void untilDone(String subject, Runnable work) {
        Duration pause = FIRST_PAUSE;
        int attempts = 0;
        while (true) {
            try {
                work.run();
                if (attempts > 0) {
                    LOG.infof("%s applied after %d retries", subject, attempts);
                }
                return;
            } catch (RuntimeException failure) {
                if (TransientFailures.blamesTheRecord(failure)) {
                    throw new PoisonRecordException("could not apply it: " + failure.getMessage(), failure);
                }
                if (stopping) {
                    throw new ServiceStoppingException(failure);
                }
                attempts++;
                LOG.warnf("%s could not be applied (attempt %d), retrying in %d ms: %s", subject, attempts,
                        pause.toMillis(), failure.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    void stopping(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStoppingException(e);
        }
    }

    /** The service is stopping while a record waits for the database: it is not acknowledged, so it is read again. */
    public static final class ServiceStoppingException extends RuntimeException {
        ServiceStoppingException(Throwable cause) {
            super("stopping before the record could be applied", cause);
        }
    }
}

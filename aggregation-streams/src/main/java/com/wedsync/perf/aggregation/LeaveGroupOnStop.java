package com.wedsync.perf.aggregation;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.jboss.logging.Logger;

/**
 * Closes Kafka Streams on a clean stop (SIGTERM, Ctrl-C) leaving its consumer group, before Quarkus closes it
 * without doing so. Otherwise the group keeps waiting for the stopped member until its session times out, and a
 * restarted instance gets its tasks — and the trends flow again — only a session timeout later. A crash
 * ({@code kill -9}) cannot leave; the session timeout ({@code AGGREGATION_SESSION_TIMEOUT_MS}) bounds that case.
 */
@ApplicationScoped
public class LeaveGroupOnStop {

    private static final Logger LOG = Logger.getLogger(LeaveGroupOnStop.class);
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(30);

    @Inject
    KafkaStreams streams;

    /** Runs before Quarkus' own close (observers with a lower priority value go first); a second close is a no-op. */
    void close(@Observes @Priority(100) ShutdownEvent stop) {
        boolean closed = streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_WITHIN));
        if (!closed) {
            LOG.warnf("Kafka Streams did not close within %s; the group will notice at its session timeout", CLOSE_WITHIN);
        }
    }
}

package com.wedsync.perf.service.outbox;

import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.service.retention.RetentionRule;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Queues an event for Kafka in the caller's transaction, serialized with its topic's own serde; {@link OutboxRelay}
 * publishes it. A change and the event announcing it are stored together or not at all, and a broker outage delays the
 * event instead of failing the change. On where {@code perf.outbox.enabled=true} (the services with a database).
 */
@ApplicationScoped
@IfBuildProperty(name = "perf.outbox.enabled", stringValue = "true")
public class EventOutbox {

    /** Published events are kept as long as the service keeps its data, then swept with it. */
    public static final RetentionRule PUBLISHED = new RetentionRule("published events",
            "DELETE FROM event_outbox WHERE published_at IS NOT NULL AND created_at < ?");

    private final OutboxRows rows;

    public EventOutbox(OutboxRows rows) {
        this.rows = rows;
    }

    public <V> void append(Topic<String, V> topic, String key, V event) {
        append(topic, key, event, null);
    }

    /** Queues the event unless one with the same {@code dedupKey} was queued before (a replayed input, a retry). */
    public <V> void append(Topic<String, V> topic, String key, V event, String dedupKey) {
        rows.insert(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), event), dedupKey);
    }
}

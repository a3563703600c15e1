package com.wedsync.perf.alerting.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Writes notifications in the caller's transaction, the one that changes the alert: the change and its messages
 * commit together or not at all. {@link Dispatcher} sends them.
 */
@ApplicationScoped
public class Outbox {

    private final DeliveryQueue queue;
    private final ObjectMapper json;

    public Outbox(DeliveryQueue queue, ObjectMapper json) {
        this.queue = queue;
        this.json = json;
    }

    public void enqueue(UUID alertId, Destination destination, Notification notification) {
        try {
            queue.enqueue(alertId, destination.key(), json.writeValueAsString(notification), notification.dedupKey());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write notification " + notification.dedupKey(), e);
        }
    }
}

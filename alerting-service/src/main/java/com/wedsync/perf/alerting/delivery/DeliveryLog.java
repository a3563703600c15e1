package com.wedsync.perf.alerting.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The outbox as seen from one alert: what was sent where, what is still waiting, what failed for good. */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryQueue queue;
    private final ObjectMapper json;

    public DeliveryLog(DeliveryQueue queue, ObjectMapper json) {
        this.queue = queue;
        this.json = json;
    }

    public List<DeliveryView> of(UUID alertId) {
        return queue.of(alertId).stream().map(row -> new DeliveryView(row.destination(), kind(alertId, row.payload()),
                row.state(), row.attempts(), row.lastError(), row.createdAt(), row.sentAt())).toList();
    }

    private String kind(UUID alertId, String payload) {
        try {
            return json.readValue(payload, Notification.class).kind().name();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a delivery of alert " + alertId + ": " + e.getOriginalMessage(), e);
        }
    }
}

package com.wedsync.perf.alerting.delivery;

import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.alerting.lifecycle.AlertRow;
import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides who hears of an alert's change and queues the messages in the change's transaction: every change goes to
 * {@code perf.alerts.v1} (through the event outbox, once per change); firing, escalation and resolution of an unsilenced alert go to the tenant's Slack and
 * webhook, and to ops when severe enough. Interference alerts name other tenants, so only ops hear of them.
 */
@ApplicationScoped
public class Notifier {

    private final Outbox outbox;
    private final EventOutbox events;
    private final NotificationTargets targets;
    private final AlertingConfig config;

    public Notifier(Outbox outbox, EventOutbox events, NotificationTargets targets, AlertingConfig config) {
        this.outbox = outbox;
        this.events = events;
        this.targets = targets;
        this.config = config;
    }

    /** Queues what {@code change} (the alert's history sequence number) announces. */
    public void changed(AlertRow alert, long change, Notification.Kind kind) {
        AlertEvent event = alert.toEvent();
        UUID id = UUID.fromString(event.alertId());
        String link = config.consoleUrl() + "/v1/alerts/" + id;
        events.append(Topics.ALERTS, event.fingerprint(), event, key(id, change, Destination.KAFKA));
        if (kind == Notification.Kind.STATE_CHANGE || alert.isSilenced()) {
            return;
        }
        for (Destination destination : people(event)) {
            outbox.enqueue(id, destination, new Notification(key(id, change, destination), kind, link, event));
        }
    }

    private List<Destination> people(AlertEvent event) {
        List<Destination> destinations = new ArrayList<>();
        boolean opsOnly = event.type() == AlertType.INTERFERENCE;
        if (!opsOnly) {
            NotificationTargets.Targets tenant = targets.of(event.tenant());
            if (tenant.slackWebhook() != null) {
                destinations.add(Destination.tenantSlack(event.tenant()));
            }
            if (tenant.webhookUrl() != null) {
                destinations.add(Destination.tenantWebhook(event.tenant()));
            }
        }
        boolean severe = event.severity().compareTo(config.opsMinSeverity()) >= 0;
        if ((opsOnly || severe || event.type() == AlertType.SLO_BURN) && targets.opsSlack().isPresent()) {
            destinations.add(Destination.OPS);
        }
        return destinations;
    }

    private static String key(UUID alert, long change, Destination destination) {
        return alert + ":" + change + ":" + destination.key();
    }
}

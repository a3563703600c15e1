package com.wedsync.perf.scaling.load;

import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.scaling.engine.Emergencies;
import com.wedsync.perf.scaling.response.OperationMinutes;
import com.wedsync.perf.service.intake.RecordHandling;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.wedsync.perf.service.kafka.InputFreshnessCheck;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code perf.trends.v1} and {@code perf.alerts.v1} in the {@code scaling-service} group (channel
 * {@value #CHANNEL}). From trends it keeps the load per tenant and minute: server requests (the all-operations
 * roll-up), and page views (the tenant-wide TTFB count: one per navigation). From alerts, emergencies. Writing a
 * minute twice overwrites it and an emergency is keyed by its alert, so a replay changes nothing; while the database
 * is away the record waits and is retried, never skipped; a record that cannot be read is dead-lettered.
 */
@ApplicationScoped
public class ScalingIntake {

    /** Tenants whose emergency started or ended. */
    public record EmergencyChanged(Set<String> tenants) {
    }

    public static final String CHANNEL = "scaling-inputs";
    static final String PAGE_VIEWS = "rum:page_views";
    static final String REQUESTS = "server:requests";

    private final LoadStore load;
    private final Emergencies emergencies;
    private final Event<EmergencyChanged> emergencyChanged;
    private final RecordHandling handling;
    private final InputFreshnessCheck freshness;
    private final OperationMinutes operationMinutes;

    public ScalingIntake(LoadStore load, Emergencies emergencies, Event<EmergencyChanged> emergencyChanged,
                         RecordHandling handling, @Readiness InputFreshnessCheck freshness, OperationMinutes operationMinutes) {
        this.load = load;
        this.operationMinutes = operationMinutes;
        this.emergencies = emergencies;
        this.emergencyChanged = emergencyChanged;
        this.handling = handling;
        this.freshness = freshness;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(Topics.TRENDS.name())) {
            TrendPoint point = RecordHandling.read(record,
                    bytes -> Topics.TRENDS.valueSerde().deserializer().deserialize(record.topic(), bytes));
            minute(point).ifPresent(minute -> handling.untilDone(record, () -> load.save(List.of(minute))));
            if (isOperationMinute(point)) {
                handling.untilDone(record, () -> operationMinutes.save(point));
            }
        } else {
            AlertEvent alert = RecordHandling.read(record,
                    bytes -> Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), bytes));
            handling.untilDone(record, () -> emergencies.apply(alert)
                    .ifPresent(tenant -> emergencyChanged.fire(new EmergencyChanged(Set.of(tenant)))));
        }
        freshness.recordHandled();
    }

    /** A closed minute of one of a tenant's operations, or of all of them: what responses are measured by. */
    static boolean isOperationMinute(TrendPoint point) {
        return point.resolution() == Resolution.MINUTE && point.source() == Source.SERVER
                && TrendKey.ALL.equals(point.route()) && TrendKey.ALL.equals(point.device());
    }

    /** The load a closed minute reports, when it is one the scaling model counts. */
    static Optional<LoadStore.Minute> minute(TrendPoint point) {
        if (point.resolution() != Resolution.MINUTE) {
            return Optional.empty();
        }
        if (point.source() == Source.SERVER) {
            return TrendKey.ALL.equals(point.metric())
                    ? Optional.of(new LoadStore.Minute(point.tenant(), REQUESTS, point.windowStart(), point.count()))
                    : Optional.empty();
        }
        if (TrendKey.ALL.equals(point.route()) && TrendKey.ALL.equals(point.device()) && "TTFB".equals(point.metric())) {
            return Optional.of(new LoadStore.Minute(point.tenant(), PAGE_VIEWS, point.windowStart(), point.count()));
        }
        return Optional.empty();
    }
}

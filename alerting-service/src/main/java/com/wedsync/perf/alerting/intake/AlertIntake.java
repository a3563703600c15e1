package com.wedsync.perf.alerting.intake;

import com.wedsync.perf.alerting.lifecycle.AlertLifecycle;
import com.wedsync.perf.alerting.lifecycle.AlertRow;
import com.wedsync.perf.alerting.lifecycle.Observation;
import com.wedsync.perf.alerting.audit.AuditTrail;
import com.wedsync.perf.alerting.project.ProjectNotices;
import com.wedsync.perf.model.event.AuditEvent;
import com.wedsync.perf.model.event.DeploymentMarker;
import com.wedsync.perf.model.event.GateDecision;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.intake.RecordHandling;
import io.smallrye.common.annotation.Blocking;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import com.wedsync.perf.service.kafka.InputFreshnessCheck;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code perf.trends.v1}, {@code perf.interference.v1}, {@code perf.audit.v1}, and the gate's decisions and
 * deployments ({@code perf.gate.v1}, {@code perf.deploys.v1}, for the projects' Slack channels) in the
 * {@code alerting-service} group (channel
 * {@value #CHANNEL}), so N instances share the partitions. Each record is applied in one database transaction with
 * its offset ({@link OffsetLedger}), so a replay changes nothing; while the database is away the record waits and is
 * retried, never skipped; a record that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class AlertIntake {

    public static final String CHANNEL = "alert-inputs";

    private final TrendObservations observations;
    private final AlertLifecycle lifecycle;
    private final ApplyOnce once;
    private final RecordHandling handling;
    private final InputFreshnessCheck freshness;
    private final AuditTrail audit;
    private final ProjectNotices projects;

    public AlertIntake(TrendObservations observations, AlertLifecycle lifecycle, ApplyOnce once,
                       RecordHandling handling,
                       @Readiness InputFreshnessCheck freshness, AuditTrail audit, ProjectNotices projects) {
        this.audit = audit;
        this.projects = projects;
        this.observations = observations;
        this.lifecycle = lifecycle;
        this.once = once;
        this.handling = handling;
        this.freshness = freshness;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.topic().equals(Topics.TRENDS.name())) {
            TrendPoint point = RecordHandling.read(record,
                    bytes -> Topics.TRENDS.valueSerde().deserializer().deserialize(record.topic(), bytes));
            String fingerprint = TrendObservations.thresholdFingerprint(point);
            if (fingerprint != null) {
                handling.untilDone(record, () -> once.apply(partition, record.offset(), fingerprint,
                        open -> observe(point, fingerprint, open)));
            } else {
                handling.untilDone(record, () -> once.apply(partition, record.offset(),
                        () -> observations.of(point).forEach(lifecycle::observe)));
            }
        } else {
            Runnable work = decode(record);
            handling.untilDone(record, () -> once.apply(partition, record.offset(), work));
        }
        freshness.recordHandled();
    }

    /** A judged minute: its threshold alert, looked up with the offset's claim, and whatever else it says (SLOs). */
    private void observe(TrendPoint point, String thresholdFingerprint, Optional<AlertRow> thresholdOpen) {
        for (Observation seen : observations.of(point)) {
            if (seen.fingerprint().equals(thresholdFingerprint)) {
                lifecycle.observe(seen, thresholdOpen);
            } else {
                lifecycle.observe(seen);
            }
        }
    }

    /** What a record of the other topics asks for. */
    private Runnable decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(Topics.AUDIT.name())) {
            AuditEvent event = RecordHandling.read(record,
                    bytes -> Topics.AUDIT.valueSerde().deserializer().deserialize(record.topic(), bytes));
            return () -> audit.store(event);
        }
        if (record.topic().equals(Topics.GATE.name())) {
            GateDecision decision = RecordHandling.read(record,
                    bytes -> Topics.GATE.valueSerde().deserializer().deserialize(record.topic(), bytes));
            return () -> projects.decided(decision);
        }
        if (record.topic().equals(Topics.DEPLOYS.name())) {
            DeploymentMarker marker = RecordHandling.read(record,
                    bytes -> Topics.DEPLOYS.valueSerde().deserializer().deserialize(record.topic(), bytes));
            return () -> projects.deployment(marker);
        }
        InterferenceFinding finding = RecordHandling.read(record,
                bytes -> Topics.INTERFERENCE.valueSerde().deserializer().deserialize(record.topic(), bytes));
        return () -> lifecycle.observe(observations.of(finding));
    }
}

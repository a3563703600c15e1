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
import com.wedsync.perf.service.intake.PoisonRecordException;
import com.wedsync.perf.service.intake.RecordHandling;
import com.wedsync.perf.service.kafka.DeadLetterWriter;
import io.smallrye.common.annotation.Blocking;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import com.wedsync.perf.service.kafka.InputFreshnessCheck;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code perf.trends.v1}, {@code perf.interference.v1}, {@code perf.audit.v1}, and the gate's decisions and
 * deployments ({@code perf.gate.v1}, {@code perf.deploys.v1}, for the projects' Slack channels) in the
 * {@code alerting-service} group (channel {@value #CHANNEL}), so N instances share the partitions. The records of a
 * poll are applied together in one database transaction with their offsets ({@link OffsetLedger}), so a replay
 * changes nothing and a poll of 200 costs one commit, not 200 (docs/operations.md "Persistence"); while the database
 * is away they wait and are retried, never skipped; a record that cannot be read or applied goes to the dead-letter
 * topic, and the others are applied.
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
    private final DeadLetterWriter deadLetters;

    public AlertIntake(TrendObservations observations, AlertLifecycle lifecycle, ApplyOnce once,
                       RecordHandling handling, @Readiness InputFreshnessCheck freshness, AuditTrail audit,
                       ProjectNotices projects, DeadLetterWriter deadLetters) {
        this.deadLetters = deadLetters;
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
    public void apply(ConsumerRecords<byte[], byte[]> poll) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(poll.count());
        poll.forEach(records::add);
        applyAll(records);
    }

    /**
     * Applies records in their order: the unreadable ones go to the dead-letter topic, the others to PostgreSQL in one
     * transaction with their offsets, retried while the database is away. When one of them fails for what it says,
     * they are applied one by one, each in its own transaction, and that one goes to the dead-letter topic.
     */
    public void applyAll(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Change> changes = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                changes.add(read(record));
            } catch (PoisonRecordException unreadable) {
                deadLetters.write(record, unreadable.getMessage());
            } catch (RuntimeException unexpected) {
                deadLetters.write(record, "could not read it: " + unexpected);
            }
        }
        if (changes.size() == 1) {
            applyAlone(changes.get(0));
        } else if (!changes.isEmpty()) {
            try {
                handling.untilDone(changes.size() + " records from " + changes.get(0).record().topic() + "-"
                        + changes.get(0).record().partition() + "@" + changes.get(0).offset(),
                        () -> once.applyAll(changes));
            } catch (PoisonRecordException oneOfThem) {
                changes.forEach(this::applyAlone);
            }
        }
        records.forEach(handled -> freshness.recordHandled());
    }

    private void applyAlone(Change change) {
        try {
            handling.untilDone(change.record(), () -> once.apply(change));
        } catch (PoisonRecordException blamed) {
            deadLetters.write(change.record(), blamed.getMessage());
        }
    }

    /** What a record asks for; a trend point's threshold alert is looked up with its offset's claim. */
    private Change read(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(Topics.TRENDS.name())) {
            TrendPoint point = RecordHandling.read(record,
                    bytes -> Topics.TRENDS.valueSerde().deserializer().deserialize(record.topic(), bytes));
            String fingerprint = TrendObservations.thresholdFingerprint(point);
            if (fingerprint != null) {
                return new Change(record, fingerprint, open -> observe(point, fingerprint, open));
            }
            return Change.of(record, () -> observations.of(point).forEach(lifecycle::observe));
        }
        return Change.of(record, decode(record));
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

package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.alerting.delivery.Notification.Kind;
import com.wedsync.perf.alerting.delivery.Notifier;
import com.wedsync.perf.model.event.AlertState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The state machine of an alert, one locked row per fingerprint: a breach opens it pending; a breach that has held
 * for the {@code for} duration fires it; a firing alert resolves only after staying clear for {@code keep_firing_for}.
 * A window no newer than the last one applied changes nothing, so replays are harmless.
 */
@ApplicationScoped
public class AlertLifecycle {

    private static final Logger LOG = Logger.getLogger(AlertLifecycle.class);

    private final AlertStore alerts;
    private final SilenceStore silences;
    private final Notifier notifier;

    public AlertLifecycle(AlertStore alerts, SilenceStore silences, Notifier notifier) {
        this.alerts = alerts;
        this.silences = silences;
        this.notifier = notifier;
    }

    @Transactional
    public void observe(Observation seen) {
        observe(seen, alerts.openForUpdate(seen.fingerprint()));
    }

    /** As {@link #observe(Observation)}, with the open alert of its fingerprint already locked in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(Observation seen, Optional<AlertRow> open) {
        if (open.isPresent() && open.get().lastWindowEnd != null && !seen.windowEnd().isAfter(open.get().lastWindowEnd)) {
            return;
        }
        if (seen.verdict().isBreached() && open.isEmpty()) {
            opened(seen);
        } else if (seen.verdict().isBreached()) {
            breached(open.get(), seen);
        } else if (seen.verdict().isClear() && open.isPresent()) {
            cleared(open.get(), seen);
        }
    }

    /** A new alert, pending; firing at once when its {@code for} has already held (an interference finding's). */
    private void opened(Observation seen) {
        AlertRow row = new AlertRow();
        Instant now = Instant.now();
        row.id = UUID.randomUUID();
        row.fingerprint = seen.fingerprint();
        row.type = seen.type();
        row.state = AlertState.PENDING;
        row.tenant = seen.tenant();
        row.route = seen.route();
        row.metric = seen.metric();
        row.createdAt = now;
        row.breachSince = seen.windowStart();
        describe(row, seen, now);
        boolean holds = held(row.breachSince, seen.windowEnd(), seen.forDuration());
        alerts.insert(row);
        notifier.changed(row, alerts.appendHistory(row, null, "condition breached: " + seen.summary()), Kind.STATE_CHANGE);
        if (holds) {
            fire(row, seen, now);
        }
    }

    private void breached(AlertRow row, Observation seen) {
        Instant now = Instant.now();
        boolean escalated = row.state != AlertState.PENDING && seen.verdict().severity().compareTo(row.severity) > 0;
        if (row.breachSince == null) {
            row.breachSince = seen.windowStart();
        }
        row.clearSince = null;
        describe(row, seen, now);
        if (row.state == AlertState.PENDING && held(row.breachSince, seen.windowEnd(), seen.forDuration())) {
            fire(row, seen, now);
        } else if (escalated) {
            alerts.update(row);
            notifier.changed(row, alerts.appendHistory(row, null, "escalated to " + row.severity), Kind.ESCALATED);
        } else {
            alerts.update(row);
        }
    }

    private void fire(AlertRow row, Observation seen, Instant now) {
        row.state = AlertState.FIRING;
        row.firedAt = now;
        row.silencedBy = silences.matching(row, now).map(Silence::id).orElse(null);
        alerts.update(row);
        String note = "held for " + seen.forDuration() + (row.isSilenced() ? "; silenced by " + row.silencedBy : "");
        notifier.changed(row, alerts.appendHistory(row, null, note), Kind.FIRING);
        LOG.infof("alert %s firing: tenant %s, %s", row.id, row.tenant, row.summary);
    }

    private void cleared(AlertRow row, Observation seen) {
        Instant now = Instant.now();
        row.lastWindowEnd = seen.windowEnd();
        row.updatedAt = now;
        if (row.state == AlertState.PENDING) {
            close(row, now, "cleared before it held for " + seen.forDuration(), Kind.STATE_CHANGE);
            return;
        }
        if (row.clearSince == null) {
            row.clearSince = seen.windowStart();
        }
        if (held(row.clearSince, seen.windowEnd(), seen.keepFiringFor())) {
            close(row, now, "clear for " + seen.keepFiringFor() + " (" + seen.verdict().measure() + " "
                    + seen.verdict().actual() + ")", Kind.RESOLVED);
        } else {
            alerts.update(row);
        }
    }

    /** Resolves an open alert; {@code kind} says whether people hear of it. */
    void close(AlertRow row, Instant now, String note, Kind kind) {
        row.state = AlertState.RESOLVED;
        row.resolvedAt = now;
        row.updatedAt = now;
        if (row.resolutionNotes == null) {
            row.resolutionNotes = note;
        }
        alerts.update(row);
        notifier.changed(row, alerts.appendHistory(row, null, note), kind);
        LOG.infof("alert %s resolved: tenant %s, %s", row.id, row.tenant, note);
    }

    private static void describe(AlertRow row, Observation seen, Instant now) {
        row.severity = row.severity == null || seen.verdict().severity().compareTo(row.severity) > 0
                ? seen.verdict().severity() : row.severity;
        row.threshold = seen.verdict().threshold();
        row.actualValue = seen.verdict().actual();
        row.affectedUsers = seen.samples();
        row.windowStart = row.breachSince;
        row.windowEnd = seen.windowEnd();
        row.lastWindowEnd = seen.windowEnd();
        row.weddingId = seen.wedding() == null ? row.weddingId : seen.wedding().weddingId();
        row.summary = seen.summary();
        row.updatedAt = now;
    }

    private static boolean held(Instant since, Instant until, Duration needed) {
        return Duration.between(since, until).compareTo(needed) >= 0;
    }
}

package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.scaling.plan.Emergency;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Emergencies: a critical wedding-day alert firing (or acknowledged: still happening) starts one for its tenant; its
 * resolution ends it. Kept in PostgreSQL with when and why, so the record outlives the alert.
 */
@ApplicationScoped
public class Emergencies implements PanacheRepositoryBase<EmergencyRecord, String> {

    /**
     * Applies an alert's change; answers the tenant whose emergency started or ended, if one did. The same change
     * applied again changes nothing (an alert's changes arrive in order: the alerts topic is keyed by fingerprint).
     */
    @Transactional
    public Optional<String> apply(AlertEvent alert) {
        if (alert.severity() != Severity.CRITICAL || !alert.isWeddingDay()) {
            return Optional.empty();
        }
        boolean ongoing = alert.state() == AlertState.FIRING || alert.state() == AlertState.ACKNOWLEDGED;
        if (!ongoing) {
            int ended = update("endedAt = ?1 where alertId = ?2 and endedAt is null", alert.changedAt(), alert.alertId());
            return ended == 1 ? Optional.of(alert.tenant()) : Optional.empty();
        }
        if (findByIdOptional(alert.alertId()).isPresent()) {
            return Optional.empty();
        }
        EmergencyRecord started = new EmergencyRecord();
        started.alertId = alert.alertId();
        started.tenant = alert.tenant();
        started.weddingId = alert.weddingId();
        started.summary = alert.summary();
        // A server alert names its operation; a page's alert is measured by all of the tenant's operations.
        started.metric = alert.route() == null ? alert.metric() : com.wedsync.perf.model.event.TrendKey.ALL;
        started.startedAt = alert.changedAt();
        persist(started);
        return Optional.of(alert.tenant());
    }

    /** The tenant's emergencies that started in [from, to), newest first. */
    @Transactional
    public List<EmergencyRecord> of(String tenant, Instant from, Instant to) {
        return list("tenant = ?1 and startedAt >= ?2 and startedAt < ?3", Sort.by("startedAt").descending(), tenant, from, to);
    }

    /** Emergencies whose effect is not measured yet and that started in [from, to). */
    @Transactional
    public List<EmergencyRecord> unmeasured(Instant from, Instant to) {
        return list("effect is null and startedAt >= ?1 and startedAt < ?2", from, to);
    }

    @Transactional
    public void recordEffect(String alertId, String effect) {
        update("effect = ?1 where alertId = ?2 and effect is null", effect, alertId);
    }

    /** The tenant's oldest ongoing emergency. */
    @Transactional
    public Optional<Emergency> active(String tenant) {
        return find("tenant = ?1 and endedAt is null", Sort.by("startedAt"), tenant).firstResultOptional()
                .map(EmergencyRecord::toEmergency);
    }
}

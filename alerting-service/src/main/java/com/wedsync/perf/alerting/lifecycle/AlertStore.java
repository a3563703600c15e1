package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.Severity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code performance_alerts} and {@code alert_history}. The lifecycle's methods run in its transaction and lock the
 * row they change; the reads for the API open their own.
 */
@ApplicationScoped
public class AlertStore implements PanacheRepositoryBase<AlertRow, UUID> {

    /**
     * The open alert of a fingerprint, locked until the transaction ends. {@code RESOLVED} is written into the query as
     * a literal: only then can PostgreSQL use the partial index of open alerts ({@code performance_alerts_open}); with
     * the state as a parameter every record of the intake scanned all alerts, and got slower as alerts accumulated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AlertRow> openForUpdate(String fingerprint) {
        return find("fingerprint = ?1 and state <> com.wedsync.perf.model.event.AlertState.RESOLVED", fingerprint)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AlertRow> byIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional
    public Optional<AlertRow> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** Newest first; any filter may be null. */
    @Transactional
    public List<AlertRow> find(String tenant, AlertState state, Severity severity, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (tenant != null) {
            where.add("tenant = :tenant");
            parameters.and("tenant", tenant);
        }
        if (state != null) {
            where.add("state = :state");
            parameters.and("state", state);
        }
        if (severity != null) {
            where.add("severity = :severity");
            parameters.and("severity", severity);
        }
        Sort newestFirst = Sort.descending("createdAt");
        return (where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, parameters))
                .page(Page.ofSize(limit)).list();
    }

    /**
     * Open alerts whose series has been silent since before {@code cutoff}; regression alerts, fed once an hour,
     * since before {@code hourlyCutoff}.
     */
    @Transactional
    public List<AlertRow> openWithoutDataSince(Instant cutoff, Instant hourlyCutoff) {
        return find("state <> ?1 and ((type <> ?2 and lastWindowEnd < ?3) or (type = ?2 and lastWindowEnd < ?4))",
                Sort.by("lastWindowEnd"), AlertState.RESOLVED, com.wedsync.perf.model.event.AlertType.REGRESSION, cutoff,
                hourlyCutoff).page(Page.ofSize(500)).list();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(AlertRow row) {
        persist(row);
    }

    /** Writes the row's changes: a row this transaction loaded is written when it flushes, any other is merged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(AlertRow row) {
        if (!getEntityManager().contains(row)) {
            getEntityManager().merge(row);
        }
    }

    /**
     * Records a state change, after writing the alert's pending changes; its id orders the alert's changes and keys
     * their notifications.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long appendHistory(AlertRow row, String actor, String note) {
        flush();
        HistoryRecord change = new HistoryRecord();
        change.alertId = row.id;
        change.state = row.state;
        change.severity = row.severity;
        change.actor = actor;
        change.note = note;
        change.changedAt = row.updatedAt;
        getEntityManager().persist(change);
        return change.id;
    }

    @Transactional
    public List<HistoryEntry> history(UUID alertId) {
        return getEntityManager().createQuery("from HistoryRecord where alertId = :alert order by id", HistoryRecord.class)
                .setParameter("alert", alertId).getResultStream().map(HistoryRecord::toEntry).toList();
    }
}

package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.Severity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.LockMode;
import org.hibernate.StatelessSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code performance_alerts} and {@code alert_history}. The lifecycle's methods run in its transaction, lock the row
 * they change and write each change when asked ({@link #update}): they go through a {@link StatelessSession}, which
 * skips the persistence context, its flushes and dirty checks — the intake applies a record per transaction, and on
 * the full session its CPU per record was 1.7× (docs/operations.md "Persistence"). The reads for the API open their
 * own.
 */
@ApplicationScoped
public class AlertStore implements PanacheRepositoryBase<AlertRow, UUID> {

    private final StatelessSession writes;
    private final AgroalDataSource db;

    public AlertStore(StatelessSession writes, AgroalDataSource db) {
        this.writes = writes;
        this.db = db;
    }

    /**
     * The open alert of a fingerprint, locked until the transaction ends. Every trend point asks, and almost every
     * answer is "none", so the lookup is one plain SQL statement on the transaction's connection, without opening a
     * Hibernate session (through HQL it took ~3× the CPU of the JDBC store it replaced: docs/operations.md
     * "Persistence"); only an alert found is loaded as an entity. {@code RESOLVED} is a literal so PostgreSQL can use
     * the partial index of open alerts ({@code performance_alerts_open}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AlertRow> openForUpdate(String fingerprint) {
        UUID id;
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM performance_alerts WHERE fingerprint = ? AND state <> 'RESOLVED' LIMIT 1 FOR UPDATE")) {
            s.setString(1, fingerprint);
            try (ResultSet r = s.executeQuery()) {
                id = r.next() ? r.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up the open alert of " + fingerprint + ": " + e.getMessage(), e);
        }
        return id == null ? Optional.empty() : Optional.of(writes.get(AlertRow.class, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AlertRow> byIdForUpdate(UUID id) {
        return Optional.ofNullable(writes.get(AlertRow.class, id, LockMode.PESSIMISTIC_WRITE));
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
        writes.insert(row);
    }

    /** Writes the row as it is now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(AlertRow row) {
        writes.update(row);
    }

    /** Records a state change; its id orders the alert's changes and keys their notifications. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long appendHistory(AlertRow row, String actor, String note) {
        HistoryRecord change = new HistoryRecord();
        change.alertId = row.id;
        change.state = row.state;
        change.severity = row.severity;
        change.actor = actor;
        change.note = note;
        change.changedAt = row.updatedAt;
        writes.insert(change);
        return change.id;
    }

    @Transactional
    public List<HistoryEntry> history(UUID alertId) {
        return getEntityManager().createQuery("from HistoryRecord where alertId = :alert order by id", HistoryRecord.class)
                .setParameter("alert", alertId).getResultStream().map(HistoryRecord::toEntry).toList();
    }
}

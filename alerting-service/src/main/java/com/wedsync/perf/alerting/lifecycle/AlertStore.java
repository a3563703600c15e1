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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code performance_alerts} and {@code alert_history}. The lifecycle's methods run in its transaction, lock the row
 * they change and write each change when asked ({@link #update}), as plain statements ({@link AlertRowSql}, which
 * says why); the API's queries read the entities through Panache.
 */
@ApplicationScoped
public class AlertStore implements PanacheRepositoryBase<AlertRow, UUID> {

    private final AgroalDataSource db;

    public AlertStore(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * The open alert of a fingerprint, locked until the transaction ends. Every trend point asks, and almost every
     * answer is "none". {@code RESOLVED} is a literal so PostgreSQL can use the partial index of open alerts
     * ({@code performance_alerts_open}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AlertRow> openForUpdate(String fingerprint) {
        return onConnection("look up the open alert of", fingerprint,
                c -> AlertRowSql.one(c, AlertRowSql.OPEN_FOR_UPDATE, fingerprint));
    }

    /** The statement {@link #openForUpdate} runs (one parameter: the fingerprint), to be sent with another. */
    public static String openForUpdateSql() {
        return AlertRowSql.OPEN_FOR_UPDATE;
    }

    /** The alert of a row {@link #openForUpdateSql} selected. */
    public static AlertRow row(java.sql.ResultSet result) throws SQLException {
        return AlertRowSql.read(result);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AlertRow> byIdForUpdate(UUID id) {
        return onConnection("lock alert", id, c -> AlertRowSql.one(c, AlertRowSql.BY_ID_FOR_UPDATE, id));
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
        onConnection("insert alert", row.id, c -> {
            AlertRowSql.insert(c, row);
            return null;
        });
    }

    /** Writes the row as it is now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(AlertRow row) {
        onConnection("update alert", row.id, c -> {
            AlertRowSql.update(c, row);
            return null;
        });
    }

    /** Records a state change; its id orders the alert's changes and keys their notifications. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long appendHistory(AlertRow row, String actor, String note) {
        return onConnection("record the history of alert", row.id, c -> AlertRowSql.appendHistory(c, row, actor, note));
    }

    @Transactional
    public List<HistoryEntry> history(UUID alertId) {
        return getEntityManager().createQuery("from HistoryRecord where alertId = :alert order by id", HistoryRecord.class)
                .setParameter("alert", alertId).getResultStream().map(HistoryRecord::toEntry).toList();
    }

    /** Work on the transaction's connection. */
    private interface ConnectionWork<T> {
        T on(Connection connection) throws SQLException;
    }

    /** {@code what} and {@code subject} name the work only when it fails: every trend point passes through here. */
    private <T> T onConnection(String what, Object subject, ConnectionWork<T> work) {
        try (Connection c = db.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + " " + subject + ": " + e.getMessage(), e);
        }
    }
}

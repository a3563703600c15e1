package com.wedsync.perf.scaling.response;

import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.slo.OperationObjective;
import com.wedsync.perf.model.slo.OperationObjectives;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Each server operation's closed minutes as responses are judged by them: requests, the good ones (succeeded within
 * the operation's wedding-day objective, counted from the minute's sketch) and p95. Native SQL for the upsert (a
 * replayed minute overwrites itself); kept {@link #KEEP} hours.
 */
@ApplicationScoped
public class OperationMinutes {

    /** Long enough to measure any response's before and after; short enough to stay small. */
    public static final java.time.Duration KEEP = java.time.Duration.ofHours(24);

    /** One minute of one operation, or of all a tenant's operations ({@code *}). */
    public record Minute(Instant minute, long requests, long good, double p95) {
    }

    private final EntityManager entities;

    public OperationMinutes(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public void save(TrendPoint point) {
        OperationObjective objective = OperationObjectives.of(point.metric());
        long slow = point.sketch() == null || point.sketch().isEmpty() ? 0
                : SketchCodec.decode(point.sketch()).countAbove(objective.latencyMs());
        long good = Math.max(0, point.count() - slow - point.errors());
        entities.createNativeQuery("INSERT INTO operation_minutes (tenant, operation, minute, requests, good, p95) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (tenant, operation, minute) DO UPDATE SET "
                        + "requests = excluded.requests, good = excluded.good, p95 = excluded.p95")
                .setParameter(1, point.tenant()).setParameter(2, point.metric())
                .setParameter(3, Timestamp.from(point.windowStart())).setParameter(4, point.count())
                .setParameter(5, good).setParameter(6, point.p95()).executeUpdate();
    }

    /** The operation's minutes starting in [from, to), oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Minute> between(String tenant, String operation, Instant from, Instant to) {
        List<Object[]> rows = entities.createNativeQuery("SELECT minute, requests, good, p95 FROM operation_minutes "
                        + "WHERE tenant = ?1 AND operation = ?2 AND minute >= ?3 AND minute < ?4 ORDER BY minute")
                .setParameter(1, tenant).setParameter(2, operation).setParameter(3, Timestamp.from(from))
                .setParameter(4, Timestamp.from(to)).getResultList();
        return rows.stream().map(r -> new Minute(instant(r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).doubleValue())).toList();
    }

    /** The tenant's own operations (not {@code *}) with a minute in [from, to), by name. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> operations(String tenant, Instant from, Instant to) {
        return entities.createNativeQuery("SELECT DISTINCT operation FROM operation_minutes WHERE tenant = ?1 "
                        + "AND operation <> '*' AND minute >= ?2 AND minute < ?3 ORDER BY operation")
                .setParameter(1, tenant).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                .getResultList();
    }

    @Transactional
    public int forget(Instant before) {
        return entities.createNativeQuery("DELETE FROM operation_minutes WHERE minute < ?1")
                .setParameter(1, Timestamp.from(before)).executeUpdate();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}

package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.model.event.TrendPoint;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code release_minutes} table: one release's minute of one metric on one route and device, with its sketch.
 * Native SQL behind two methods: an upsert per arm minute (a replay changes nothing) and a range read.
 */
@ApplicationScoped
public class ReleaseMinutes {

    /** How long release minutes are kept: a deployment is judged within the hour, a day's margin for a late verdict. */
    static final Duration RETENTION = Duration.ofDays(2);

    /** One stored minute. */
    public record Minute(String release, String route, String device, String metric, Instant windowStart, long samples,
                         String sketch) {
    }

    private final EntityManager entities;

    public ReleaseMinutes(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public void record(TrendPoint point) {
        entities.createNativeQuery("INSERT INTO release_minutes (tenant, release, route, device, metric, window_start, "
                        + "samples, sketch) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (tenant, window_start, "
                        + "release, route, device, metric) DO UPDATE SET samples = excluded.samples, sketch = excluded.sketch")
                .setParameter(1, point.tenant()).setParameter(2, point.arm()).setParameter(3, point.route())
                .setParameter(4, point.device()).setParameter(5, point.metric())
                .setParameter(6, Timestamp.from(point.windowStart())).setParameter(7, point.count())
                .setParameter(8, point.sketch()).executeUpdate();
    }

    /** Every release's minutes of the tenant in [from, to). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Minute> between(String tenant, Instant from, Instant to) {
        List<Object[]> rows = entities.createNativeQuery("SELECT release, route, device, metric, window_start, samples, "
                        + "sketch FROM release_minutes WHERE tenant = ?1 AND window_start >= ?2 AND window_start < ?3")
                .setParameter(1, tenant).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                .getResultList();
        return rows.stream().map(r -> new Minute((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                instant(r[4]), ((Number) r[5]).longValue(), (String) r[6])).toList();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOld() {
        entities.createNativeQuery("DELETE FROM release_minutes WHERE window_start < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(RETENTION))).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}

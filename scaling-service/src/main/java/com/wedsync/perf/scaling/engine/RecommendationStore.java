package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.ScalingRecommendation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Recommendations with their fate: superseded by a newer plan (each one is published to {@code perf.scaling.v1}
 * through the outbox, in the transaction that stores it), and once their period has passed, how they compared with
 * the load that came.
 */
@ApplicationScoped
public class RecommendationStore implements PanacheRepositoryBase<RecommendationRecord, UUID> {

    /** A stored recommendation, with its outcome once known. */
    public record Stored(UUID id, ScalingRecommendation recommendation, Double actualPeak, String outcome) {
    }

    /** Stores a new plan for the tenant; what the previous plans had for now on is superseded by it. */
    @Transactional
    public void replace(String tenant, UUID setId, List<ScalingRecommendation> plan, Instant now) {
        update("supersededAt = ?1 where tenant = ?2 and supersededAt is null and effectiveUntil > ?1", now, tenant);
        persist(plan.stream().map(r -> RecommendationRecord.of(setId, r)));
    }

    /** The tenant's plan in force: not superseded, not over, in time order. */
    @Transactional
    public List<Stored> current(String tenant, Instant now) {
        return stored(find("tenant = ?1 and supersededAt is null and effectiveUntil > ?2", Sort.by("effectiveFrom"),
                tenant, now).list());
    }

    /** The tenant's recommendations whose period has passed, newest first, with outcomes. */
    @Transactional
    public List<Stored> past(String tenant, Instant now, int limit) {
        return stored(find("tenant = ?1 and supersededAt is null and effectiveUntil <= ?2",
                Sort.descending("effectiveFrom"), tenant, now).page(Page.ofSize(limit)).list());
    }

    /** Recommendations whose period ended before {@code before} and whose outcome is not judged yet. */
    @Transactional
    public List<Stored> awaitingOutcome(Instant before) {
        return stored(find("outcome is null and supersededAt is null and effectiveUntil <= ?1", Sort.by("effectiveUntil"),
                before).page(Page.ofSize(500)).list());
    }

    @Transactional
    public void judge(UUID id, double actualPeak, String outcome) {
        update("actualPeak = ?1, outcome = ?2 where id = ?3", actualPeak, outcome, id);
    }

    private static List<Stored> stored(List<RecommendationRecord> rows) {
        return rows.stream().map(RecommendationRecord::toStored).toList();
    }
}

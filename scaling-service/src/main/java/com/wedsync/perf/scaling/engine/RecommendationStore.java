package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.ScalingRecommendation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * Stores a new plan for the tenant; what the previous plans had for now on is superseded by it. Each period keeps
     * the instances of the one before it (the first: of the recommendation in force when it begins), so a scale-up is
     * known as such when its effect is measured.
     */
    @Transactional
    public void replace(String tenant, UUID setId, List<ScalingRecommendation> plan, Instant now) {
        Integer previous = plan.isEmpty() ? null : instancesAt(tenant, plan.get(0).effectiveFrom());
        update("supersededAt = ?1 where tenant = ?2 and supersededAt is null and effectiveUntil > ?1", now, tenant);
        List<RecommendationRecord> rows = new ArrayList<>();
        for (ScalingRecommendation recommendation : plan) {
            RecommendationRecord row = RecommendationRecord.of(setId, recommendation);
            row.previousInstances = previous;
            previous = recommendation.instances();
            rows.add(row);
        }
        persist(rows);
    }

    /**
     * Scale-ups that took effect in [from, to) — in force when their period began, whatever superseded them later —
     * oldest first; with {@code unmeasuredOnly}, those whose effect is not recorded yet.
     */
    @Transactional
    public List<RecommendationRecord> scaleUps(String tenant, Instant from, Instant to, boolean unmeasuredOnly) {
        String query = "previousInstances is not null and instances > previousInstances and emergency = false "
                + "and effectiveFrom >= ?1 and effectiveFrom < ?2 and (supersededAt is null or supersededAt > effectiveFrom)"
                + (unmeasuredOnly ? " and effect is null" : "") + (tenant == null ? "" : " and tenant = ?3");
        Sort order = Sort.by("effectiveFrom");
        return (tenant == null ? find(query, order, from, to) : find(query, order, from, to, tenant))
                .page(Page.ofSize(500)).list();
    }

    @Transactional
    public void recordEffect(UUID id, String effect) {
        update("effect = ?1 where id = ?2 and effect is null", effect, id);
    }

    private Integer instancesAt(String tenant, Instant at) {
        return find("tenant = ?1 and supersededAt is null and effectiveFrom <= ?2 and effectiveUntil > ?2",
                Sort.descending("effectiveFrom"), tenant, at).firstResultOptional().map(row -> row.instances).orElse(null);
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

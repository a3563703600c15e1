package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.ScalingRecommendation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code scaling_recommendations}: one period of a tenant's plan, with its fate. */
@Entity
@Table(name = "scaling_recommendations")
public class RecommendationRecord {

    @Id
    public UUID id;

    @Column(name = "set_id")
    public UUID setId;

    public String tenant;

    @Column(name = "generated_at")
    public Instant generatedAt;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Column(name = "effective_until")
    public Instant effectiveUntil;

    public int instances;

    @Column(name = "db_connections")
    public int dbConnections;

    @Column(name = "cache_mb")
    public int cacheMb;

    @Column(name = "load_ratio")
    public double loadRatio;

    @Column(name = "monitoring_interval")
    public int monitoringInterval;

    public boolean emergency;

    public String reason;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Column(name = "actual_peak")
    public Double actualPeak;

    public String outcome;

    /** The instances of the recommendation in force before this one began; null for a tenant's first. */
    @Column(name = "previous_instances")
    public Integer previousInstances;

    /** A scale-up's measured effect ({@code ScaleUpEffect} as JSON), once its after-window has closed. */
    public String effect;

    /** More instances than the recommendation before it, outside an emergency (emergencies are measured as such). */
    public boolean isScaleUp() {
        return !emergency && previousInstances != null && instances > previousInstances;
    }

    static RecommendationRecord of(UUID setId, ScalingRecommendation r) {
        RecommendationRecord row = new RecommendationRecord();
        row.id = UUID.randomUUID();
        row.setId = setId;
        row.tenant = r.tenant();
        row.generatedAt = r.generatedAt();
        row.effectiveFrom = r.effectiveFrom();
        row.effectiveUntil = r.effectiveUntil();
        row.instances = r.instances();
        row.dbConnections = r.dbConnections();
        row.cacheMb = r.cacheMb();
        row.loadRatio = r.forecastLoadRatio();
        row.monitoringInterval = r.monitoringIntervalSeconds();
        row.emergency = r.emergency();
        row.reason = r.reason();
        return row;
    }

    RecommendationStore.Stored toStored() {
        return new RecommendationStore.Stored(id, new ScalingRecommendation(tenant, generatedAt, effectiveFrom,
                effectiveUntil, instances, dbConnections, cacheMb, loadRatio, monitoringInterval, emergency, reason),
                actualPeak, outcome);
    }
}

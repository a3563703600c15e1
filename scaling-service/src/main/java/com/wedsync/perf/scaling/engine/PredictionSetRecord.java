package com.wedsync.perf.scaling.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code scaling_prediction_sets}: one forecast of one tenant (or the platform). */
@Entity
@Table(name = "scaling_prediction_sets")
public class PredictionSetRecord {

    @Id
    public UUID id;

    public String tenant;

    @Column(name = "generated_at")
    public Instant generatedAt;

    @Column(name = "first_hour")
    public Instant firstHour;

    public int hours;

    public String basis;

    @Column(name = "inputs_digest")
    public String inputsDigest;
}

package com.wedsync.perf.gate.validation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code validations}: a decided build, its result and its Lighthouse runs as JSON. */
@Entity
@Table(name = "validations")
public class ValidationRecord {

    @Id
    public UUID id;

    public String project;

    @Column(name = "build_id")
    public String buildId;

    public String environment;

    @Column(name = "git_sha")
    public String gitSha;

    public String branch;

    @Column(name = "base_branch")
    public String baseBranch;

    @Column(name = "ancestor_sha")
    public String ancestorSha;

    public String status;

    @Column(name = "budget_version")
    public int budgetVersion;

    @Column(name = "baseline_id")
    public UUID baselineId;

    public String result;

    public String runs;

    @Column(name = "created_at")
    public Instant createdAt;
}

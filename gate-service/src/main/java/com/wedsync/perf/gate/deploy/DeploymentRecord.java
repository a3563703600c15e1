package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.model.event.DeploymentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code deployments}: a deployment, watched until the post-deploy check decides it. */
@Entity
@Table(name = "deployments")
public class DeploymentRecord {

    @Id
    public UUID id;

    public String project;

    public String environment;

    public String version;

    @Column(name = "git_sha")
    public String gitSha;

    @Column(name = "build_id")
    public String buildId;

    /** The tenants whose real users judge it, comma-separated. */
    public String tenants;

    public Instant at;

    @Enumerated(EnumType.STRING)
    public DeploymentStatus status;

    public String reason;

    public String evidence;

    public String webhook;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** A recommended rollback's measured effect ({@link RollbackEffect} as JSON). */
    public String effect;
}

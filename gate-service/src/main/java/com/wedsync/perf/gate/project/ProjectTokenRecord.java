package com.wedsync.perf.gate.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code project_tokens}: the SHA-256 of a token, never the token. */
@Entity
@Table(name = "project_tokens")
public class ProjectTokenRecord {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    public String project;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}

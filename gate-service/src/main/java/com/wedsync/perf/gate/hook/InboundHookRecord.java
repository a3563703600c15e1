package com.wedsync.perf.gate.hook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code inbound_hooks}; the secret is ciphertext, the tenants comma-separated. */
@Entity
@Table(name = "inbound_hooks")
public class InboundHookRecord {

    @Id
    public String project;

    public String secret;

    public String tenants;

    @Column(name = "created_at")
    public Instant createdAt;
}

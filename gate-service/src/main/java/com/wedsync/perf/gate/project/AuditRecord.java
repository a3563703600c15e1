package com.wedsync.perf.gate.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code audit_log}. */
@Entity
@Table(name = "audit_log")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String project;

    public String actor;

    public String action;

    public String subject;

    @Column(name = "inputs_sha256")
    public String inputsSha256;

    public String outcome;

    public Instant at;

    AuditLog.Entry toEntry() {
        return new AuditLog.Entry(id, at, project, actor, action, subject, inputsSha256, outcome);
    }
}

package com.wedsync.perf.alerting.audit;

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

    public Instant at;

    public String service;

    public String actor;

    public String tenant;

    public String action;

    public String subject;

    @Column(name = "before")
    public String before;

    @Column(name = "after")
    public String after;

    @Column(name = "event_id")
    public String eventId;

    AuditTrail.Entry toEntry() {
        return new AuditTrail.Entry(id, at, service, actor, tenant, action, subject, before, after);
    }
}

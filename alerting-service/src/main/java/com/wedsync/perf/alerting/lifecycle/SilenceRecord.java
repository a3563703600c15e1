package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code silences}. */
@Entity
@Table(name = "silences")
public class SilenceRecord {

    @Id
    public UUID id;

    public String tenant;

    public String route;

    public String metric;

    @Enumerated(EnumType.STRING)
    public AlertType type;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public Instant until;

    @Column(name = "created_by")
    public String createdBy;

    public String comment;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "by_tenant")
    public boolean byTenant;

    static SilenceRecord of(Silence silence) {
        SilenceRecord row = new SilenceRecord();
        row.id = silence.id();
        row.tenant = silence.tenant();
        row.route = silence.route();
        row.metric = silence.metric();
        row.type = silence.type();
        row.severity = silence.severity();
        row.until = silence.until();
        row.createdBy = silence.createdBy();
        row.comment = silence.comment();
        row.createdAt = silence.createdAt();
        row.byTenant = silence.byTenant();
        return row;
    }

    Silence toSilence() {
        return new Silence(id, tenant, route, metric, type, severity, until, createdBy, comment, createdAt, byTenant);
    }
}

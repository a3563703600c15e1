package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.scaling.plan.Emergency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code emergencies}: one per critical wedding-day alert, ended when the alert is resolved. */
@Entity
@Table(name = "emergencies")
public class EmergencyRecord {

    @Id
    @Column(name = "alert_id")
    public String alertId;

    public String tenant;

    @Column(name = "wedding_id")
    public String weddingId;

    public String summary;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The operation the alert was about, or {@code *} (all the tenant's operations) for a page metric's alert. */
    public String metric;

    /** The measured {@link com.wedsync.perf.scaling.response.ResponseEffect} as JSON, once known. */
    public String effect;

    Emergency toEmergency() {
        return new Emergency(alertId, tenant, weddingId, summary, startedAt);
    }
}

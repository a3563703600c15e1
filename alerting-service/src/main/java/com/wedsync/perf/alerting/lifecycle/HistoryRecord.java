package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code alert_history}: one state change of an alert; its id orders the alert's changes. */
@Entity
@Table(name = "alert_history")
public class HistoryRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id")
    public UUID alertId;

    @Enumerated(EnumType.STRING)
    public AlertState state;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String actor;

    public String note;

    @Column(name = "changed_at")
    public Instant changedAt;

    HistoryEntry toEntry() {
        return new HistoryEntry(id, state, severity, actor, note, changedAt);
    }
}

package com.wedsync.perf.gate.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code projects}. */
@Entity
@Table(name = "projects")
public class ProjectRecord {

    @Id
    public String id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;
}

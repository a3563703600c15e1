package com.wedsync.perf.gate.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A row of {@code project_tenants}: ops bound this tenant to the project. */
@Entity
@Table(name = "project_tenants")
@IdClass(ProjectTenantRecord.Key.class)
public class ProjectTenantRecord {

    /** The primary key: project and tenant. */
    public static class Key implements Serializable {
        public String project;
        public String tenant;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(project, key.project) && Objects.equals(tenant, key.tenant);
        }

        @Override
        public int hashCode() {
            return Objects.hash(project, tenant);
        }
    }

    @Id
    public String project;

    @Id
    public String tenant;

    @Column(name = "bound_at")
    public Instant boundAt;
}

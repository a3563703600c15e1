package com.wedsync.perf.gate.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A row of {@code budgets}: one version of a project's budget for an environment, as JSON. */
@Entity
@Table(name = "budgets")
@IdClass(BudgetRecord.Key.class)
public class BudgetRecord {

    /** The primary key: project, environment, version. */
    public static class Key implements Serializable {
        public String project;
        public String environment;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(project, key.project)
                    && Objects.equals(environment, key.environment) && version == key.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(project, environment, version);
        }
    }

    @Id
    public String project;

    @Id
    public String environment;

    @Id
    public int version;

    public String budget;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}

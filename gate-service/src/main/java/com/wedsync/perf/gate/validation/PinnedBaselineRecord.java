package com.wedsync.perf.gate.validation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A row of {@code pinned_baselines}: the build a branch's later builds are compared against. */
@Entity
@Table(name = "pinned_baselines")
@IdClass(PinnedBaselineRecord.Key.class)
public class PinnedBaselineRecord {

    /** The primary key: project, branch, environment. */
    public static class Key implements Serializable {
        public String project;
        public String branch;
        public String environment;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(project, key.project) && Objects.equals(branch, key.branch)
                    && Objects.equals(environment, key.environment);
        }

        @Override
        public int hashCode() {
            return Objects.hash(project, branch, environment);
        }
    }

    @Id
    public String project;

    @Id
    public String branch;

    @Id
    public String environment;

    @Column(name = "validation_id")
    public UUID validationId;

    @Column(name = "pinned_by")
    public String pinnedBy;

    @Column(name = "pinned_at")
    public Instant pinnedAt;
}

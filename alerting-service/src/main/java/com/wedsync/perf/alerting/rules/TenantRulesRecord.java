package com.wedsync.perf.alerting.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code tenant_rules}: the JSON document of a tenant's rule overrides, as it PUT it. */
@Entity
@Table(name = "tenant_rules")
public class TenantRulesRecord {

    @Id
    public String tenant;

    public String rules;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

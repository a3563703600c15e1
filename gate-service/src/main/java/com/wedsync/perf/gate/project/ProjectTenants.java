package com.wedsync.perf.gate.project;

import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Which tenants' real users a project's deployments may be judged by — and so whose trends the gate reads for it.
 * Only ops binds them: a project's own tokens (CI, admin) and its inbound hook can name only these, so a project
 * cannot read another tenant's performance through deployment verification.
 */
@ApplicationScoped
public class ProjectTenants {

    private final EntityManager entities;

    public ProjectTenants(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public List<String> of(String project) {
        return entities.createQuery("select t.tenant from ProjectTenantRecord t where t.project = :project order by t.tenant",
                String.class).setParameter("project", project).getResultList();
    }

    /** Replaces the project's tenants with these. */
    @Transactional
    public void bind(String project, List<String> tenants) {
        if (tenants == null || tenants.stream().anyMatch(t -> t == null || t.isBlank() || t.contains(","))) {
            throw ApiException.badRequest("invalid_tenants", "'tenants' must list tenant ids");
        }
        entities.createQuery("delete from ProjectTenantRecord t where t.project = :project")
                .setParameter("project", project).executeUpdate();
        Instant now = Instant.now();
        tenants.stream().map(String::strip).distinct().forEach(tenant -> {
            ProjectTenantRecord row = new ProjectTenantRecord();
            row.project = project;
            row.tenant = tenant;
            row.boundAt = now;
            entities.persist(row);
        });
    }

    /** Refuses (403) any tenant ops did not bind to the project. */
    public void requireBound(String project, List<String> tenants) {
        List<String> bound = of(project);
        List<String> unbound = tenants.stream().map(String::strip).filter(t -> !bound.contains(t)).toList();
        if (!unbound.isEmpty()) {
            throw ApiException.forbidden("tenant_not_bound", "tenant(s) " + String.join(", ", unbound) + " are not bound to "
                    + "project '" + project + "'; ops binds them with PUT /v1/projects/" + project + "/tenants");
        }
    }
}

package com.wedsync.perf.gate.project;

import com.wedsync.perf.service.api.ApiException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tenants' real users a project's deployments may be judged by — and so whose trends the gate reads for it.
 * Only ops binds them: a project's own tokens (CI, admin) and its inbound hook can name only these, so a project
 * cannot read another tenant's performance through deployment verification.
 */
@ApplicationScoped
public class ProjectTenants {

    private final AgroalDataSource db;

    public ProjectTenants(AgroalDataSource db) {
        this.db = db;
    }

    public List<String> of(String project) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT tenant FROM project_tenants WHERE project = ? ORDER BY tenant")) {
            s.setString(1, project);
            List<String> tenants = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tenants.add(r.getString(1));
                }
            }
            return tenants;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tenants of " + project + ": " + e.getMessage(), e);
        }
    }

    @Transactional
    public void bind(String project, List<String> tenants) {
        if (tenants == null || tenants.stream().anyMatch(t -> t == null || t.isBlank() || t.contains(","))) {
            throw ApiException.badRequest("invalid_tenants", "'tenants' must list tenant ids");
        }
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM project_tenants WHERE project = ?")) {
                s.setString(1, project);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO project_tenants (project, tenant, bound_at) VALUES (?,?,now()) ON CONFLICT DO NOTHING")) {
                for (String tenant : tenants) {
                    s.setString(1, project);
                    s.setString(2, tenant.strip());
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind the tenants of " + project + ": " + e.getMessage(), e);
        }
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

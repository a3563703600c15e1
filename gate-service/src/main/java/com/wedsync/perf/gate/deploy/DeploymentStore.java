package com.wedsync.perf.gate.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.model.event.DeploymentStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code deployments}; callers hold the transaction. */
@ApplicationScoped
public class DeploymentStore {

    private static final TypeReference<List<PostDeployCheck.Finding>> FINDINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, project, environment, version, git_sha, build_id, tenants, at, status, "
            + "reason, evidence, webhook, decided_at";

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public DeploymentStore(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public void insert(Deployment d) {
        update("INSERT INTO deployments (id, project, environment, version, git_sha, build_id, tenants, at, status) "
                + "VALUES (?,?,?,?,?,?,?,?,?)", d.id(), d.project(), d.environment(), d.version(), d.gitSha(), d.buildId(),
                String.join(",", d.tenants()), Timestamp.from(d.at()), d.status().name());
    }

    public void decide(UUID id, DeploymentStatus status, String reason, List<PostDeployCheck.Finding> evidence) {
        try {
            update("UPDATE deployments SET status = ?, reason = ?, evidence = ?, decided_at = now() WHERE id = ?",
                    status.name(), reason, json.writeValueAsString(evidence), id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evidence of deployment " + id, e);
        }
    }

    public void webhookResult(UUID id, String result) {
        update("UPDATE deployments SET webhook = ? WHERE id = ?", result, id);
    }

    public Optional<Deployment> byId(UUID id) {
        List<Deployment> found = query("SELECT " + COLUMNS + " FROM deployments WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Deployments still watched whose after-window has ended by {@code windowEndedBy}, locked for this transaction. */
    public List<Deployment> due(Instant windowEndedBy) {
        return query("SELECT " + COLUMNS + " FROM deployments WHERE status = 'DEPLOYED' AND at <= ? ORDER BY at LIMIT 20 "
                + "FOR UPDATE SKIP LOCKED", Timestamp.from(windowEndedBy));
    }

    private List<Deployment> query(String sql, Object... args) {
        List<Deployment> found = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    s.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String evidence = r.getString(11);
                    Timestamp decided = r.getTimestamp(13);
                    found.add(new Deployment(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), Arrays.asList(r.getString(7).split(",")),
                            r.getTimestamp(8).toInstant(), DeploymentStatus.valueOf(r.getString(9)), r.getString(10),
                            evidence == null ? List.of() : json.readValue(evidence, FINDINGS), r.getString(12),
                            decided == null ? null : decided.toInstant()));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read deployments: " + e.getMessage(), e);
        }
        return found;
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    s.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deployment update failed: " + e.getMessage(), e);
        }
    }
}

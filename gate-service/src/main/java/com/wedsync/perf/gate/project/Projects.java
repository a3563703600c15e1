package com.wedsync.perf.gate.project;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.SecretHash;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Projects and their tokens: stored as hashes, shown once when issued, rotated by issuing new ones and revoking old. */
@ApplicationScoped
public class Projects {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final AgroalDataSource db;

    public Projects(AgroalDataSource db) {
        this.db = db;
    }

    /** Creates a project with one token per role; the tokens are in the answer and nowhere else. */
    public Map<Role, String> create(String id, String name) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.badRequest("invalid_project", "project id must be lower-case letters, digits, '.', '_' or '-' (max 64)");
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO projects (id, name, created_at) VALUES (?,?,?) ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, id);
            s.setString(2, name == null || name.isBlank() ? id : name);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            if (s.executeUpdate() == 0) {
                throw ApiException.conflict("project_exists", "project '" + id + "' exists; rotate its tokens instead");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create project " + id + ": " + e.getMessage(), e);
        }
        Map<Role, String> tokens = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            tokens.put(role, issue(id, role));
        }
        return tokens;
    }

    /** A new token for the role; the role's older tokens keep working until revoked. */
    public String issue(String project, Role role) {
        String token = SecretHash.newSecret("gt_" + role.name().toLowerCase() + "_");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO project_tokens (token_hash, project, role, created_at) VALUES (?,?,?,?)")) {
            s.setString(1, SecretHash.of(token));
            s.setString(2, project);
            s.setString(3, role.name());
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot issue a token for " + project + ": " + e.getMessage(), e);
        }
        return token;
    }

    /** Revokes every token of the role issued before {@code before} (the rotation's second half). */
    public int revokeOlder(String project, Role role, Instant before) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE project_tokens SET "
                + "revoked_at = now() WHERE project = ? AND role = ? AND created_at < ? AND revoked_at IS NULL")) {
            s.setString(1, project);
            s.setString(2, role.name());
            s.setTimestamp(3, Timestamp.from(before));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke tokens of " + project + ": " + e.getMessage(), e);
        }
    }

    public boolean exists(String project) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1 FROM projects WHERE id = ?")) {
            s.setString(1, project);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read project " + project + ": " + e.getMessage(), e);
        }
    }

    /**
     * The caller the request filter admitted, admitted to {@code project} (a project token: its own project, also when
     * {@code project} is left out; ops: any project that exists), as the gate records who acted.
     */
    public ProjectCaller admit(com.wedsync.perf.service.auth.Caller caller, String project) {
        if (caller.isOps()) {
            if (project != null && !exists(project)) {
                throw ApiException.notFound("no project '" + project + "'");
            }
            return ProjectCaller.ops();
        }
        if (project != null) {
            caller.requireProject(project);
        }
        return new ProjectCaller(caller.owner(), ProjectTokens.role(caller), caller.name());
    }
}

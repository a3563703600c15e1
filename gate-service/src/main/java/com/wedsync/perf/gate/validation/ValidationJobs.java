package com.wedsync.perf.gate.validation;

import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.gate.project.Role;
import com.wedsync.perf.service.api.ApiException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Large validation requests waiting for a background decision, in PostgreSQL so that any instance may take one and a
 * job left running by an instance that died is taken again. The body is kept gzipped until the job is done. Plain SQL
 * on purpose: a job is claimed with one {@code UPDATE … FOR UPDATE SKIP LOCKED … RETURNING}.
 */
@ApplicationScoped
public class ValidationJobs {

    /** A job taken to decide: its request body and who sent it. */
    public record Claimed(UUID id, String project, String buildId, byte[] body, ProjectCaller caller, int attempts) {
    }

    private final AgroalDataSource db;

    public ValidationJobs(AgroalDataSource db) {
        this.db = db;
    }

    /** Queues a build; a build queued or decided already is a 409, one rejected before may be sent again. */
    public Validation enqueue(UUID id, ValidateRequest request, String environment, ProjectCaller caller, byte[] body) {
        Instant now = Instant.now();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO validation_jobs "
                + "(id, project, build_id, environment, git_sha, branch, status, caller_project, caller_role, caller_name, "
                + "payload, payload_bytes, created_at) VALUES (?,?,?,?,?,?,'QUEUED',?,?,?,?,?,?) "
                + "ON CONFLICT (project, build_id) DO UPDATE SET id = excluded.id, environment = excluded.environment, "
                + "git_sha = excluded.git_sha, branch = excluded.branch, status = 'QUEUED', caller_project = excluded.caller_project, "
                + "caller_role = excluded.caller_role, caller_name = excluded.caller_name, payload = excluded.payload, "
                + "payload_bytes = excluded.payload_bytes, error = NULL, detail = NULL, attempts = 0, "
                + "created_at = excluded.created_at, started_at = NULL, finished_at = NULL "
                + "WHERE validation_jobs.status = 'REJECTED'")) {
            s.setObject(1, id);
            s.setString(2, request.project());
            s.setString(3, request.buildId());
            s.setString(4, environment);
            s.setString(5, request.gitSha());
            s.setString(6, request.branch());
            s.setString(7, caller.project());
            s.setString(8, caller.role().name());
            s.setString(9, caller.name());
            s.setBytes(10, gzip(body));
            s.setLong(11, body.length);
            s.setTimestamp(12, Timestamp.from(now));
            if (s.executeUpdate() == 0) {
                throw ApiException.conflict("build_exists", "build '" + request.buildId() + "' of project '" + request.project()
                        + "' was submitted already; GET /v1/gates/" + request.buildId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue build " + request.buildId() + ": " + e.getMessage(), e);
        }
        return Validation.pending(id, request.project(), request.buildId(), environment, request.gitSha(), request.branch(),
                Validation.Status.QUEUED, List.of(), now);
    }

    /**
     * Takes the oldest waiting job (or one left running longer than {@code stuckAfter}, its instance presumably gone),
     * skipping jobs another instance holds.
     */
    public Optional<Claimed> claim(Duration stuckAfter) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE validation_jobs SET "
                + "status = 'RUNNING', started_at = now(), attempts = attempts + 1 WHERE id = (SELECT id FROM validation_jobs "
                + "WHERE status = 'QUEUED' OR (status = 'RUNNING' AND started_at < ?) ORDER BY created_at "
                + "FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id, project, build_id, payload, caller_project, caller_role, "
                + "caller_name, attempts")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(stuckAfter)));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claimed(r.getObject(1, UUID.class), r.getString(2), r.getString(3), gunzip(r.getBytes(4)),
                        new ProjectCaller(r.getString(5), Role.valueOf(r.getString(6)), r.getString(7)), r.getInt(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a queued validation: " + e.getMessage(), e);
        }
    }

    public void done(UUID id) {
        finish(id, "DONE", null, null);
    }

    public void reject(UUID id, String error, String detail) {
        finish(id, "REJECTED", error, detail);
    }

    /** Back in the queue after a failure that was not the input's fault (the database was briefly away, say). */
    public void retry(UUID id) {
        update("UPDATE validation_jobs SET status = 'QUEUED', started_at = NULL WHERE id = ?", id);
    }

    /** The job of a build not decided (yet): queued, running, or rejected with its reason. */
    public Optional<Validation> pending(String project, String buildId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, environment, git_sha, "
                + "branch, status, error, detail, created_at FROM validation_jobs WHERE project = ? AND build_id = ? "
                + "AND status <> 'DONE'")) {
            s.setString(1, project);
            s.setString(2, buildId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                List<String> reasons = r.getString(6) == null ? List.of() : List.of(r.getString(6) + ": " + r.getString(7));
                return Optional.of(Validation.pending(r.getObject(1, UUID.class), project, buildId, r.getString(2),
                        r.getString(3), r.getString(4), Validation.Status.valueOf(r.getString(5)), reasons,
                        r.getTimestamp(8).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job of " + buildId + ": " + e.getMessage(), e);
        }
    }

    private void finish(UUID id, String status, String error, String detail) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE validation_jobs SET status = ?, "
                + "error = ?, detail = ?, payload = NULL, finished_at = now() WHERE id = ?")) {
            s.setString(1, status);
            s.setString(2, error);
            s.setString(3, detail);
            s.setObject(4, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot finish job " + id + ": " + e.getMessage(), e);
        }
    }

    private void update(String sql, UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update job " + id + ": " + e.getMessage(), e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, body.length / 8));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] stored) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return zip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

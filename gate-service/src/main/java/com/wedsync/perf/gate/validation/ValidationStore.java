package com.wedsync.perf.gate.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Validations with their Lighthouse runs (what later builds compare against), and pinned baselines. Plain JDBC on
 * purpose: every decision reads its baseline's runs (megabytes of JSON) and stores its own, and as Hibernate entities the
 * gate's validation benchmark went from p50 198 ms to 271 ms (gate-service/bench/run, same session).
 */
@ApplicationScoped
public class ValidationStore {

    private static final TypeReference<List<LighthouseRun>> RUNS = new TypeReference<>() {
    };
    private static final String PASSED = "PASSED";

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public ValidationStore(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A stored validation with its runs; as a baseline, also why it was chosen. */
    public record Candidate(Validation validation, List<LighthouseRun> runs, String chosenBecause) {

        public Validation.Baseline reference() {
            return new Validation.Baseline(validation.validationId(), validation.buildId(), validation.gitSha(),
                    validation.branch(), chosenBecause);
        }
    }

    public void insert(Validation validation, ValidateRequest request, List<LighthouseRun> runs) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO validations "
                + "(id, project, build_id, environment, git_sha, branch, base_branch, ancestor_sha, status, budget_version, "
                + "baseline_id, result, runs, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            s.setObject(1, validation.validationId());
            s.setString(2, validation.project());
            s.setString(3, validation.buildId());
            s.setString(4, validation.environment());
            s.setString(5, validation.gitSha());
            s.setString(6, validation.branch());
            s.setString(7, request.baseBranch());
            s.setString(8, request.ancestorSha());
            s.setString(9, validation.status().name());
            s.setInt(10, validation.budgetVersion());
            s.setObject(11, validation.baseline() == null ? null : validation.baseline().validationId());
            s.setString(12, json.writeValueAsString(validation));
            s.setString(13, json.writeValueAsString(runs));
            s.setTimestamp(14, Timestamp.from(validation.createdAt()));
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            if (e instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw com.wedsync.perf.service.api.ApiException.conflict("build_exists", "build '" + validation.buildId()
                        + "' of project '" + validation.project() + "' was validated already; GET /v1/gates/" + validation.buildId());
            }
            throw new IllegalStateException("cannot save validation of " + validation.buildId() + ": " + e.getMessage(), e);
        }
    }

    public Optional<Validation> byBuild(String project, String buildId) {
        return first("SELECT result, runs FROM validations WHERE project = ? AND build_id = ?", project, buildId)
                .map(Candidate::validation);
    }

    public List<Validation> history(String project, String branch, int limit) {
        return many("SELECT result, runs FROM validations WHERE project = ? AND (CAST(? AS text) IS NULL OR branch = ?) "
                + "ORDER BY created_at DESC LIMIT " + limit, project, branch, branch).stream().map(Candidate::validation).toList();
    }

    /**
     * The baseline of a build: the pinned one; else the latest passed build of the base branch at {@code ancestorSha};
     * else the latest passed build of the base branch.
     */
    public Optional<Candidate> baseline(String project, String environment, String baseBranch, String ancestorSha) {
        Optional<Candidate> pinned = first("SELECT v.result, v.runs FROM pinned_baselines p JOIN validations v "
                + "ON v.id = p.validation_id WHERE p.project = ? AND p.branch = ? AND p.environment = ?", project, baseBranch, environment);
        if (pinned.isPresent()) {
            return pinned.map(c -> because(c, "pinned for " + baseBranch));
        }
        if (ancestorSha != null) {
            Optional<Candidate> ancestor = first("SELECT result, runs FROM validations WHERE project = ? AND branch = ? "
                    + "AND environment = ? AND status = ? AND git_sha = ? ORDER BY created_at DESC LIMIT 1",
                    project, baseBranch, environment, PASSED, ancestorSha);
            if (ancestor.isPresent()) {
                return ancestor.map(c -> because(c, "the passed build of " + baseBranch + " at the ancestor " + ancestorSha));
            }
        }
        return first("SELECT result, runs FROM validations WHERE project = ? AND branch = ? AND environment = ? AND status = ? "
                + "ORDER BY created_at DESC LIMIT 1", project, baseBranch, environment, PASSED)
                .map(c -> because(c, "the latest passed build of " + baseBranch));
    }

    public void pin(String project, String branch, String environment, UUID validationId, String by) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO pinned_baselines "
                + "(project, branch, environment, validation_id, pinned_by, pinned_at) VALUES (?,?,?,?,?,now()) "
                + "ON CONFLICT (project, branch, environment) DO UPDATE SET validation_id = excluded.validation_id, "
                + "pinned_by = excluded.pinned_by, pinned_at = excluded.pinned_at")) {
            s.setString(1, project);
            s.setString(2, branch);
            s.setString(3, environment);
            s.setObject(4, validationId);
            s.setString(5, by);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot pin a baseline for " + project + ": " + e.getMessage(), e);
        }
    }

    private static Candidate because(Candidate candidate, String reason) {
        return new Candidate(candidate.validation(), candidate.runs(), reason);
    }

    private Optional<Candidate> first(String sql, Object... args) {
        List<Candidate> found = many(sql, args);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Candidate> many(String sql, Object... args) {
        List<Candidate> found = new ArrayList<>();
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
                    found.add(new Candidate(json.readValue(r.getString(1), Validation.class), json.readValue(r.getString(2), RUNS), null));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read validations: " + e.getMessage(), e);
        }
        return found;
    }
}

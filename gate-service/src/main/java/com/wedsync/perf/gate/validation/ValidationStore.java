package com.wedsync.perf.gate.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Validations with their Lighthouse runs (what later builds compare against), and pinned baselines. */
@ApplicationScoped
public class ValidationStore {

    private static final TypeReference<List<LighthouseRun>> RUNS = new TypeReference<>() {
    };
    private static final String PASSED = "PASSED";

    private final EntityManager entities;
    private final ObjectMapper json;

    public ValidationStore(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** A stored validation with its runs; as a baseline, also why it was chosen. */
    public record Candidate(Validation validation, List<LighthouseRun> runs, String chosenBecause) {

        public Validation.Baseline reference() {
            return new Validation.Baseline(validation.validationId(), validation.buildId(), validation.gitSha(),
                    validation.branch(), chosenBecause);
        }
    }

    /** Stores a decided build; a build validated before is a 409 (the first decision stands). */
    @Transactional
    public void insert(Validation validation, ValidateRequest request, List<LighthouseRun> runs) {
        int stored = entities.createNativeQuery("INSERT INTO validations (id, project, build_id, environment, git_sha, "
                        + "branch, base_branch, ancestor_sha, status, budget_version, baseline_id, result, runs, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                        + "ON CONFLICT (project, build_id) DO NOTHING")
                .setParameter(1, validation.validationId()).setParameter(2, validation.project())
                .setParameter(3, validation.buildId()).setParameter(4, validation.environment())
                .setParameter(5, validation.gitSha()).setParameter(6, validation.branch())
                .setParameter(7, request.baseBranch()).setParameter(8, request.ancestorSha())
                .setParameter(9, validation.status().name()).setParameter(10, validation.budgetVersion())
                .setParameter(11, validation.baseline() == null ? null : validation.baseline().validationId())
                .setParameter(12, write(validation)).setParameter(13, write(runs))
                .setParameter(14, validation.createdAt()).executeUpdate();
        if (stored == 0) {
            throw ApiException.conflict("build_exists", "build '" + validation.buildId() + "' of project '"
                    + validation.project() + "' was validated already; GET /v1/gates/" + validation.buildId());
        }
    }

    @Transactional
    public Optional<Validation> byBuild(String project, String buildId) {
        return first(entities.createQuery("from ValidationRecord v where v.project = :project and v.buildId = :build",
                ValidationRecord.class).setParameter("project", project).setParameter("build", buildId))
                .map(Candidate::validation);
    }

    @Transactional
    public List<Validation> history(String project, String branch, int limit) {
        TypedQuery<ValidationRecord> query = entities.createQuery("from ValidationRecord v where v.project = :project"
                + (branch == null ? "" : " and v.branch = :branch") + " order by v.createdAt desc", ValidationRecord.class)
                .setParameter("project", project).setMaxResults(limit);
        if (branch != null) {
            query.setParameter("branch", branch);
        }
        return query.getResultStream().map(this::candidate).map(Candidate::validation).toList();
    }

    /**
     * The baseline of a build: the pinned one; else the latest passed build of the base branch at {@code ancestorSha};
     * else the latest passed build of the base branch.
     */
    @Transactional
    public Optional<Candidate> baseline(String project, String environment, String baseBranch, String ancestorSha) {
        Optional<Candidate> pinned = first(entities.createQuery("select v from ValidationRecord v, PinnedBaselineRecord p "
                        + "where v.id = p.validationId and p.project = :project and p.branch = :branch "
                        + "and p.environment = :environment", ValidationRecord.class)
                .setParameter("project", project).setParameter("branch", baseBranch).setParameter("environment", environment));
        if (pinned.isPresent()) {
            return pinned.map(c -> because(c, "pinned for " + baseBranch));
        }
        if (ancestorSha != null) {
            Optional<Candidate> ancestor = first(passed(project, environment, baseBranch, " and v.gitSha = :sha")
                    .setParameter("sha", ancestorSha));
            if (ancestor.isPresent()) {
                return ancestor.map(c -> because(c, "the passed build of " + baseBranch + " at the ancestor " + ancestorSha));
            }
        }
        return first(passed(project, environment, baseBranch, ""))
                .map(c -> because(c, "the latest passed build of " + baseBranch));
    }

    @Transactional
    public void pin(String project, String branch, String environment, UUID validationId, String by) {
        entities.createNativeQuery("INSERT INTO pinned_baselines (project, branch, environment, validation_id, pinned_by, "
                        + "pinned_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (project, branch, environment) DO UPDATE "
                        + "SET validation_id = excluded.validation_id, pinned_by = excluded.pinned_by, "
                        + "pinned_at = excluded.pinned_at")
                .setParameter(1, project).setParameter(2, branch).setParameter(3, environment)
                .setParameter(4, validationId).setParameter(5, by).setParameter(6, Instant.now()).executeUpdate();
    }

    private TypedQuery<ValidationRecord> passed(String project, String environment, String branch, String andMore) {
        return entities.createQuery("from ValidationRecord v where v.project = :project and v.branch = :branch "
                        + "and v.environment = :environment and v.status = :status" + andMore + " order by v.createdAt desc",
                        ValidationRecord.class)
                .setParameter("project", project).setParameter("branch", branch).setParameter("environment", environment)
                .setParameter("status", PASSED);
    }

    private static Candidate because(Candidate candidate, String reason) {
        return new Candidate(candidate.validation(), candidate.runs(), reason);
    }

    private Optional<Candidate> first(TypedQuery<ValidationRecord> query) {
        return query.setMaxResults(1).getResultStream().findFirst().map(this::candidate);
    }

    private Candidate candidate(ValidationRecord row) {
        try {
            return new Candidate(json.readValue(row.result, Validation.class), json.readValue(row.runs, RUNS), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read validation " + row.id + ": " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a validation: " + e.getOriginalMessage(), e);
        }
    }
}

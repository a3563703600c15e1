package com.wedsync.perf.gate.validation;

import com.wedsync.perf.gate.budget.Violation;
import com.wedsync.perf.gate.regression.GrownOpportunity;
import com.wedsync.perf.gate.regression.MetricComparison;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A gate decision: passed; failed (budgets or significant regressions broken); blocked (the same, for production,
 * where the deployment must not go ahead). Reasons block; warnings do not. A large payload is first queued, then
 * running; rejected when its input turned out invalid (the reason says what is wrong). {@code grownOpportunities}: the
 * Lighthouse opportunities whose savings grew against the baseline (informative, never blocking).
 */
public record Validation(UUID validationId, String project, String buildId, String environment, String gitSha,
                         String branch, Status status, int budgetVersion, Map<String, Object> metrics,
                         List<String> blockingReasons, List<String> warnings, List<Violation> violations,
                         Baseline baseline, List<MetricComparison> comparison, List<GrownOpportunity> grownOpportunities,
                         Instant createdAt) {

    public Validation {
        // Decisions stored before opportunities were compared have none.
        grownOpportunities = grownOpportunities == null ? List.of() : grownOpportunities;
    }

    public enum Status {
        QUEUED, RUNNING, PASSED, FAILED, BLOCKED, REJECTED;

        public boolean isFinal() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /** A build waiting for, or in, the background decision; rejected with the reason its input was refused. */
    public static Validation pending(UUID id, String project, String buildId, String environment, String gitSha,
                                     String branch, Status status, List<String> reasons, Instant createdAt) {
        return new Validation(id, project, buildId, environment, gitSha, branch, status, 0, Map.of(), reasons, List.of(),
                List.of(), null, List.of(), List.of(), createdAt);
    }

    /** Which build the comparison was against, and why that one. */
    public record Baseline(UUID validationId, String buildId, String gitSha, String branch, String chosenBecause) {
    }
}

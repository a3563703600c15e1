package com.wedsync.perf.gate.validation;

import com.wedsync.perf.gate.budget.Violation;
import com.wedsync.perf.gate.regression.MetricComparison;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A gate decision: passed; failed (budgets or significant regressions broken); blocked (the same, for production,
 * where the deployment must not go ahead). Reasons block; warnings do not.
 */
public record Validation(UUID validationId, String project, String buildId, String environment, String gitSha,
                         String branch, Status status, int budgetVersion, Map<String, Object> metrics,
                         List<String> blockingReasons, List<String> warnings, List<Violation> violations,
                         Baseline baseline, List<MetricComparison> comparison, Instant createdAt) {

    public enum Status { QUEUED, RUNNING, PASSED, FAILED, BLOCKED }

    /** Which build the comparison was against, and why that one. */
    public record Baseline(UUID validationId, String buildId, String gitSha, String branch, String chosenBecause) {
    }
}

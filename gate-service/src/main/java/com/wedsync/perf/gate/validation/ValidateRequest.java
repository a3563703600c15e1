package com.wedsync.perf.gate.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.wedsync.perf.gate.budget.Budget;
import java.util.List;
import java.util.Map;

/**
 * Body of POST /v1/gates/validate (the WS-180 shape): which build, and what CI measured — Lighthouse results as they
 * are, bundle sizes in any supported shape, a k6 summary.
 *
 * @param ancestorSha the commit of the base branch this build descends from (e.g. {@code git merge-base})
 * @param budget the budget file of the repository at this commit, when it has one: it becomes the environment's
 *               budget (a new version when it changed)
 */
public record ValidateRequest(String project, String buildId, String environment, String gitSha, String branch,
                              String baseBranch, String ancestorSha, List<JsonNode> lighthouse, JsonNode bundles,
                              JsonNode loadTest, Budget budget, Map<String, Object> deploymentContext) {
}

package com.wedsync.perf.gate.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Body of POST /v1/gates/validate (the WS-180 shape): which build, and what CI measured — Lighthouse results as they
 * are, bundle sizes in any supported shape, a k6 summary.
 *
 * @param ancestorSha the commit of the base branch this build descends from (e.g. {@code git merge-base})
 */
public record ValidateRequest(String project, String buildId, String environment, String gitSha, String branch,
                              String baseBranch, String ancestorSha, List<JsonNode> lighthouse, JsonNode bundles,
                              JsonNode loadTest, Map<String, Object> deploymentContext) {
}

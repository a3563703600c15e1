package com.wedsync.perf.gate.validation;

import com.wedsync.perf.service.api.ApiException;
import java.util.Set;
import java.util.regex.Pattern;

/** The checked identity of a validation request: every required field present, environment known, sha well-formed. */
record ValidRequest(String environment, String baseBranch) {

    private static final Set<String> ENVIRONMENTS = Set.of("staging", "production", "preview");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,40}");
    private static final int MAX_RUNS = 100;

    static ValidRequest check(ValidateRequest request) {
        if (request == null) {
            throw ApiException.badRequest("missing_body", "a JSON body is required");
        }
        require(request.project(), "project");
        require(request.buildId(), "buildId");
        require(request.gitSha(), "gitSha");
        require(request.branch(), "branch");
        String environment = request.environment() == null ? "staging" : request.environment().strip();
        if (!ENVIRONMENTS.contains(environment)) {
            throw ApiException.badRequest("invalid_environment", "environment must be one of " + ENVIRONMENTS);
        }
        if (!SHA.matcher(request.gitSha()).matches() || (request.ancestorSha() != null && !SHA.matcher(request.ancestorSha()).matches())) {
            throw ApiException.badRequest("invalid_sha", "gitSha and ancestorSha must be 7–40 lower-case hex digits");
        }
        if (request.lighthouse() == null || request.lighthouse().isEmpty()) {
            throw ApiException.badRequest("missing_lighthouse", "lighthouse must list at least one Lighthouse result (lhr-*.json)");
        }
        if (request.lighthouse().size() > MAX_RUNS) {
            throw ApiException.badRequest("too_many_runs", "at most " + MAX_RUNS + " Lighthouse results per build");
        }
        String baseBranch = request.baseBranch() == null || request.baseBranch().isBlank() ? request.branch() : request.baseBranch();
        return new ValidRequest(environment, baseBranch);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing_" + field, "'" + field + "' is required");
        }
    }
}

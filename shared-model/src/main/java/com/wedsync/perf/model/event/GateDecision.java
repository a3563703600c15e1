package com.wedsync.perf.model.event;

import java.time.Instant;
import java.util.List;

/**
 * The CI gate's verdict on one build of a project, keyed by project on {@code perf.gate.v1}.
 *
 * @param environment where the build is headed: {@code staging}, {@code production}, …
 * @param blockingReasons one line per broken budget or significant regression; empty when passed
 * @param baselineBuildId the build compared against, or null when there was none
 */
public record GateDecision(
        String validationId,
        String project,
        String buildId,
        String environment,
        String gitSha,
        String branch,
        GateStatus status,
        List<String> blockingReasons,
        String baselineBuildId,
        Instant decidedAt) {

    public GateDecision {
        Require.text(validationId, "validationId");
        Require.text(project, "project");
        Require.text(buildId, "buildId");
        Require.text(environment, "environment");
        Require.text(gitSha, "gitSha");
        Require.present(status, "status");
        blockingReasons = Require.listOrEmpty(blockingReasons);
        if (status == GateStatus.PASSED && !blockingReasons.isEmpty()) {
            throw new IllegalArgumentException("a passed build has no blocking reasons");
        }
        Require.present(decidedAt, "decidedAt");
    }
}

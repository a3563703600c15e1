package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.model.event.DeploymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A deployment as GET /v1/deployments/{id} shows it: DEPLOYED while watched, then VERIFIED or ROLLBACK_RECOMMENDED;
 * a recommended rollback's {@code effect} once measured ({@link RollbackReview}), null before.
 */
public record Deployment(UUID id, String project, String environment, String version, String gitSha, String buildId,
                         List<String> tenants, Instant at, DeploymentStatus status, String reason,
                         List<PostDeployCheck.Finding> evidence, String webhook, Instant decidedAt, RollbackEffect effect) {
}

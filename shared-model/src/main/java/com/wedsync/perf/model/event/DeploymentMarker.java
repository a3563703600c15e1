package com.wedsync.perf.model.event;

import java.time.Instant;

/**
 * A deployment of a project and, later, its verdict from real-user metrics; keyed by project on
 * {@code perf.deploys.v1}, so trends can be annotated with the releases that changed them.
 *
 * @param validationId the gate validation the deployed build passed, or null
 * @param reason why the status changed ("LCP p75 on /clients/:id +18% after deploy"), or null
 * @param version the release deployed (what beacons name as {@code release}), or null
 */
public record DeploymentMarker(
        String deploymentId,
        String project,
        String environment,
        String gitSha,
        String buildId,
        String validationId,
        DeploymentStatus status,
        String reason,
        Instant at,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String version) {

    public DeploymentMarker(String deploymentId, String project, String environment, String gitSha, String buildId,
                            String validationId, DeploymentStatus status, String reason, Instant at) {
        this(deploymentId, project, environment, gitSha, buildId, validationId, status, reason, at, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public DeploymentMarker {
        Require.text(deploymentId, "deploymentId");
        Require.text(project, "project");
        Require.text(environment, "environment");
        Require.text(gitSha, "gitSha");
        Require.present(status, "status");
        Require.present(at, "at");
    }
}

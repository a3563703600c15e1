package com.wedsync.perf.alerting.project;

import com.wedsync.perf.model.event.DeploymentMarker;
import com.wedsync.perf.model.event.GateDecision;
import java.time.Instant;
import java.util.List;

/**
 * What a CI project's channel hears from the gate: a build's decision ({@code perf.gate.v1}) or a deployment's rollback
 * recommendation ({@code perf.deploys.v1}), in the words the Slack message shows.
 *
 * @param subject the build or deployment ({@code build-981 (4f2a9c1) to production})
 * @param status the decision: PASSED, WARNED, FAILED, ROLLBACK_RECOMMENDED
 * @param reasons why, one line each (blocking reasons, or the rollback's evidence)
 */
public record ProjectNotice(String project, Kind kind, String subject, String status, List<String> reasons, Instant at,
                            String reference) {

    public enum Kind { GATE_DECISION, ROLLBACK_RECOMMENDED }

    public static ProjectNotice of(GateDecision decision) {
        return new ProjectNotice(decision.project(), Kind.GATE_DECISION, "build " + decision.buildId() + " ("
                + shortSha(decision.gitSha()) + ", " + (decision.branch() == null ? "?" : decision.branch()) + ") to "
                + decision.environment(), decision.status().name(), decision.blockingReasons(), decision.decidedAt(),
                decision.validationId());
    }

    public static ProjectNotice of(DeploymentMarker marker) {
        return new ProjectNotice(marker.project(), Kind.ROLLBACK_RECOMMENDED, "deployment of "
                + (marker.version() == null ? shortSha(marker.gitSha()) : marker.version() + " (" + shortSha(marker.gitSha())
                + ")") + " to " + marker.environment(), marker.status().name(),
                marker.reason() == null ? List.of() : List.of(marker.reason().split("; ")), marker.at(),
                marker.deploymentId());
    }

    /** The key a repeat of this notice is dropped by: one message per decision or recommendation. */
    public String dedupKey() {
        return "project:" + project + ":" + kind + ":" + reference + ":" + status;
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}

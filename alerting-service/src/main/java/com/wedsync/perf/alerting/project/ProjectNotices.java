package com.wedsync.perf.alerting.project;

import com.wedsync.perf.alerting.delivery.Destination;
import com.wedsync.perf.alerting.delivery.Notification;
import com.wedsync.perf.alerting.delivery.Outbox;
import com.wedsync.perf.model.event.DeploymentMarker;
import com.wedsync.perf.model.event.DeploymentStatus;
import com.wedsync.perf.model.event.GateDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Queues a project's gate decisions and rollback recommendations for its Slack channel, in the intake's transaction:
 * the alerts' outbox sends them (at least once, in order, paced, retried with back-off, a 4xx failing for good), and
 * their dedup key keeps a replayed record from queueing a second message. Projects without a channel hear nothing.
 */
@ApplicationScoped
public class ProjectNotices {

    private final ProjectTargets targets;
    private final Outbox outbox;
    private final String consoleUrl;

    public ProjectNotices(ProjectTargets targets, Outbox outbox,
                          com.wedsync.perf.alerting.AlertingConfig config) {
        this.targets = targets;
        this.outbox = outbox;
        this.consoleUrl = config.consoleUrl();
    }

    public void decided(GateDecision decision) {
        queue(ProjectNotice.of(decision), "/v1/validations/" + decision.validationId());
    }

    public void deployment(DeploymentMarker marker) {
        if (marker.status() == DeploymentStatus.ROLLBACK_RECOMMENDED) {
            queue(ProjectNotice.of(marker), "/v1/deployments/" + marker.deploymentId());
        }
    }

    private void queue(ProjectNotice notice, String path) {
        if (targets.slackOf(notice.project()).isEmpty()) {
            return;
        }
        String key = notice.dedupKey();
        UUID id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        outbox.enqueue(id, Destination.projectSlack(notice.project()),
                Notification.of(key, consoleUrl + path, notice));
    }
}

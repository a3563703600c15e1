package com.wedsync.perf.gate.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.service.outbox.EventOutbox;
import com.wedsync.perf.model.event.DeploymentStatus;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.wedsync.perf.model.stats.ArmComparison;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Once a deployment's after-window has passed, judges it per watched tenant: the new release against the old one
 * running alongside it in that window, per route and metric ({@link CanaryCheck}); where no old release served real
 * users alongside, the tenant's real-user p75 per minute after the deployment against before it ({@link PostDeployCheck}),
 * the reason saying so. Any finding significantly worse beyond tolerance recommends a rollback, which is published and
 * sent to the project's signed webhook.
 */
@ApplicationScoped
public class DeploymentVerifier {

    private static final Logger LOG = Logger.getLogger(DeploymentVerifier.class);

    private final DeploymentStore deployments;
    private final TrendMinutes minutes;
    private final EventOutbox events;
    private final ProjectWebhooks webhooks;
    private final ObjectMapper json;
    private final Duration window;
    private final Duration settle;
    private final double tolerance;
    private final int minMinutes;
    private final long minSamples;
    private final ReleaseMinutes releases;

    public DeploymentVerifier(DeploymentStore deployments, TrendMinutes minutes, EventOutbox events, ProjectWebhooks webhooks,
                              ObjectMapper json, @ConfigProperty(name = "gate.deploy.window", defaultValue = "15m") Duration window,
                              @ConfigProperty(name = "gate.deploy.settle", defaultValue = "2m") Duration settle,
                              @ConfigProperty(name = "gate.deploy.tolerance", defaultValue = "0.10") double tolerance,
                              @ConfigProperty(name = "gate.deploy.min-minutes", defaultValue = "5") int minMinutes,
                              @ConfigProperty(name = "gate.deploy.min-samples", defaultValue = "100") long minSamples,
                              ReleaseMinutes releases) {
        this.deployments = deployments;
        this.minutes = minutes;
        this.events = events;
        this.webhooks = webhooks;
        this.json = json;
        this.window = window;
        this.settle = settle;
        this.tolerance = tolerance;
        this.minMinutes = minMinutes;
        this.minSamples = minSamples;
        this.releases = releases;
    }

    @Scheduled(every = "${gate.deploy.poll:10s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void verifyDue() {
        try {
            List<Deployment> decided = QuarkusTransaction.requiringNew().call(this::decideDue);
            decided.stream().filter(d -> d.status() == DeploymentStatus.ROLLBACK_RECOMMENDED).forEach(this::notifyProject);
        } catch (RuntimeException e) {
            LOG.warnf("post-deploy verification paused: %s", e.getMessage());
        }
    }

    private List<Deployment> decideDue() {
        List<Deployment> decided = new ArrayList<>();
        for (Deployment d : deployments.due(Instant.now().minus(window).minus(settle))) {
            List<PostDeployCheck.Finding> findings = new ArrayList<>();
            List<String> howJudged = new ArrayList<>();
            for (String tenant : d.tenants()) {
                Optional<CanaryCheck.Outcome> canary = CanaryCheck.compare(tenant, d.version(),
                        releases.between(tenant, d.at(), d.at().plus(window)), canarySettings());
                if (canary.isPresent()) {
                    findings.addAll(canary.get().findings());
                    howJudged.add(tenant + ": " + d.version() + " against " + canary.get().baseline() + " running alongside");
                } else {
                    findings.addAll(beforeAfter(tenant, d));
                    howJudged.add(tenant + ": after against before (no older release served real users alongside "
                            + d.version() + ")");
                }
            }
            List<PostDeployCheck.Finding> worse = findings.stream().filter(PostDeployCheck.Finding::rollback).toList();
            DeploymentStatus status = worse.isEmpty() ? DeploymentStatus.VERIFIED : DeploymentStatus.ROLLBACK_RECOMMENDED;
            String verdict = worse.isEmpty()
                    ? (findings.isEmpty() ? "too little real-user traffic to judge" : "no significant degradation")
                    : worse.stream().map(PostDeployCheck.Finding::summary).collect(Collectors.joining("; "));
            String reason = verdict + " — " + String.join("; ", howJudged);
            deployments.decide(d.id(), status, reason, findings);
            events.append(Topics.DEPLOYS, d.project(), DeploymentService.marker(d, status, reason));
            LOG.infof("deployment %s of %s %s: %s (%s)", d.id(), d.project(), d.version(), status, reason);
            decided.add(new Deployment(d.id(), d.project(), d.environment(), d.version(), d.gitSha(), d.buildId(), d.tenants(),
                    d.at(), status, reason, findings, null, Instant.now(), null));
        }
        return decided;
    }

    /** The tenant's tenant-wide p75 per minute after the deployment against before it: when no old release ran alongside. */
    private List<PostDeployCheck.Finding> beforeAfter(String tenant, Deployment d) {
        List<PostDeployCheck.Finding> findings = new ArrayList<>();
        for (String metric : TrendWatcher.METRICS) {
            PostDeployCheck.Finding finding = PostDeployCheck.compare(tenant, metric,
                    minutes.p75s(tenant, metric, d.at().minus(window), d.at(), 1),
                    minutes.p75s(tenant, metric, d.at(), d.at().plus(window), 1), tolerance, minMinutes);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return findings;
    }

    private ArmComparison.Settings canarySettings() {
        return new ArmComparison.Settings(0.75, PostDeployCheck.ALPHA, minSamples, tolerance);
    }

    private void notifyProject(Deployment d) {
        try {
            String body = json.writeValueAsString(Map.of("event", "rollback_recommended", "deploymentId", d.id(),
                    "project", d.project(), "environment", d.environment(), "version", d.version(), "reason", d.reason(),
                    "evidence", d.evidence()));
            deployments.webhookResult(d.id(), webhooks.send(d.project(), body));
        } catch (JsonProcessingException e) {
            LOG.warnf("cannot render the webhook of deployment %s: %s", d.id(), e.getMessage());
        }
    }
}

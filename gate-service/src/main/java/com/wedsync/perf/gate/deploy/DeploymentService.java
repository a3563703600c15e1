package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.service.outbox.EventOutbox;
import com.wedsync.perf.gate.project.AuditLog;
import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.gate.project.ProjectTenants;
import com.wedsync.perf.model.event.DeploymentMarker;
import com.wedsync.perf.model.event.DeploymentStatus;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records a deployment and announces it on {@code perf.deploys.v1}; {@link DeploymentVerifier} judges it later. */
@ApplicationScoped
public class DeploymentService {

    private final DeploymentStore deployments;
    private final EventOutbox events;
    private final AuditLog audit;
    private final ProjectTenants boundTenants;

    public DeploymentService(DeploymentStore deployments, EventOutbox events, AuditLog audit, ProjectTenants boundTenants) {
        this.deployments = deployments;
        this.events = events;
        this.audit = audit;
        this.boundTenants = boundTenants;
    }

    /** How far back a reported deployment may lie: verification compares the trends right around it. */
    static final Duration OLDEST_AT = Duration.ofHours(24);
    static final Duration LATEST_AT = Duration.ofMinutes(5);

    @Transactional
    public Deployment register(DeploymentRequest request, ProjectCaller caller) {
        if (request.environment() == null || request.environment().isBlank()) {
            throw ApiException.badRequest("missing_environment", "'environment' is required");
        }
        String version = request.version() != null ? request.version() : request.gitSha();
        if (version == null || version.isBlank()) {
            throw ApiException.badRequest("missing_version", "'version' (or 'gitSha') is required");
        }
        if (request.tenants() == null || request.tenants().isEmpty() || request.tenants().stream().anyMatch(t -> t == null || t.isBlank() || t.contains(","))) {
            throw ApiException.badRequest("missing_tenants", "'tenants' must list the tenants whose real users to watch");
        }
        boundTenants.requireBound(request.project(), request.tenants());
        Instant now = Instant.now();
        Instant at = request.at() == null ? now : request.at();
        if (at.isBefore(now.minus(OLDEST_AT)) || at.isAfter(now.plus(LATEST_AT))) {
            throw ApiException.badRequest("invalid_at", "'at' must lie within the last " + OLDEST_AT.toHours()
                    + " hours (or " + LATEST_AT.toMinutes() + " minutes ahead, for clock skew): a deployment is judged by "
                    + "the real users right before and after it");
        }
        Deployment deployment = new Deployment(UUID.randomUUID(), request.project(), request.environment(), version,
                request.gitSha() == null ? version : request.gitSha(), request.buildId(), List.copyOf(request.tenants()), at,
                DeploymentStatus.DEPLOYED, null, List.of(), null, null, null);
        deployments.insert(deployment);
        events.append(Topics.DEPLOYS, deployment.project(), marker(deployment, DeploymentStatus.DEPLOYED, null));
        audit.record(deployment.project(), caller, "deploy", deployment.id().toString(), null, version);
        return deployment;
    }

    static DeploymentMarker marker(Deployment d, DeploymentStatus status, String reason) {
        return new DeploymentMarker(d.id().toString(), d.project(), d.environment(), d.gitSha(), d.buildId(), null, status,
                reason, d.at(), d.version());
    }
}

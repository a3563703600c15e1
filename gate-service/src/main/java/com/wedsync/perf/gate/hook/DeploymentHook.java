package com.wedsync.perf.gate.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.gate.deploy.Deployment;
import com.wedsync.perf.gate.deploy.DeploymentRequest;
import com.wedsync.perf.gate.deploy.DeploymentService;
import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.gate.project.Role;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Deployments reported by a signed webhook instead of a CI token: a deploy tool's own call (the body of
 * POST /v1/deployments, signed {@code X-WedSync-Signature}) or GitHub's {@code deployment_status} event (signed
 * {@code X-Hub-Signature-256}). The signature is checked over the exact bytes received, before anything is read; each
 * delivery id is taken once, so a replayed delivery records nothing.
 */
@ApplicationScoped
public class DeploymentHook {

    /** What a delivery did: the deployment it recorded, or why it recorded none. */
    public record Outcome(String delivery, String result, Deployment deployment) {
    }

    private final InboundHooks hooks;
    private final DeploymentService deployments;
    private final ObjectMapper json;

    public DeploymentHook(InboundHooks hooks, DeploymentService deployments, ObjectMapper json) {
        this.hooks = hooks;
        this.deployments = deployments;
        this.json = json;
    }

    /** What a delivery carried to prove where it came from: ours signs a timestamp with the body, GitHub's the body. */
    public record Signed(String signature, String timestamp, boolean gitHub) {
    }

    @Transactional
    public Outcome receive(String project, byte[] body, Signed signed, String deliveryId, String gitHubEvent) {
        InboundHooks.Hook hook = hooks.of(project).orElse(null);
        if (signed.signature() == null || signed.signature().isBlank()) {
            throw ApiException.unauthorized("missing signature: sign '<unix seconds>.<body>' with the hook's secret, "
                    + "HMAC-SHA256, as " + WebhookSignature.HEADER + ": sha256=<hex> with the seconds in "
                    + WebhookSignature.TIMESTAMP_HEADER + " (or GitHub's X-Hub-Signature-256 over the body)");
        }
        if (hook == null) {
            throw ApiException.unauthorized("the signature does not match the inbound-hook secret of project '" + project
                    + "' (or the project has no inbound hook)");
        }
        WebhookSignature.Check check = signed.gitHub()
                ? WebhookSignature.verify(hook.secret(), body, signed.signature()) ? WebhookSignature.Check.VALID
                : WebhookSignature.Check.MISMATCH
                : WebhookSignature.verifyTimed(hook.secret(), signed.timestamp(), body, signed.signature(), Instant.now());
        switch (check) {
            case VALID -> { }
            case MISSING_TIMESTAMP -> throw ApiException.unauthorized("missing or invalid " + WebhookSignature.TIMESTAMP_HEADER
                    + ": the unix seconds the delivery was sent at, signed with the body");
            case TOO_OLD -> throw ApiException.unauthorized("the delivery's timestamp is more than "
                    + WebhookSignature.MAX_AGE.toMinutes() + " minutes from now: a replay, or a clock far off");
            case MISMATCH -> throw ApiException.unauthorized("the signature does not match the inbound-hook secret of project '"
                    + project + "' (or the project has no inbound hook)");
        }
        if (deliveryId == null || deliveryId.isBlank()) {
            throw ApiException.badRequest("missing_delivery", "a unique delivery id is required (X-WedSync-Delivery, or "
                    + "GitHub's X-GitHub-Delivery), so that a replayed delivery is recognised");
        }
        if ("ping".equals(gitHubEvent)) {
            return new Outcome(deliveryId, "pong", null);
        }
        Optional<DeploymentRequest> request = request(project, body, gitHubEvent, hook);
        if (!hooks.firstDelivery(project, deliveryId, request.isPresent() ? "deployment" : "ignored")) {
            return new Outcome(deliveryId, "duplicate delivery: already received", null);
        }
        if (request.isEmpty()) {
            return new Outcome(deliveryId, "ignored: not a successful deployment", null);
        }
        Deployment deployment = deployments.register(request.get(), new ProjectCaller(project, Role.CI, project + " inbound hook"));
        return new Outcome(deliveryId, "deployment recorded", deployment);
    }

    private Optional<DeploymentRequest> request(String project, byte[] body, String gitHubEvent, InboundHooks.Hook hook) {
        JsonNode event = tree(body);
        if (gitHubEvent != null) {
            if (!"deployment_status".equals(gitHubEvent)) {
                throw ApiException.badRequest("unsupported_event", "GitHub event '" + gitHubEvent
                        + "' is not handled: subscribe the hook to 'Deployment statuses' only");
            }
            return GitHubDeploymentEvent.read(json, event, project, hook.tenants());
        }
        DeploymentRequest own;
        try {
            own = json.convertValue(event, DeploymentRequest.class);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_json", "the body is not a deployment (POST /v1/deployments shape): "
                    + e.getMessage());
        }
        if (own.project() != null && !own.project().equals(project)) {
            throw ApiException.badRequest("project_mismatch", "the body names project '" + own.project()
                    + "' but was sent to the hook of '" + project + "'");
        }
        return Optional.of(new DeploymentRequest(project, own.environment(), own.version(), own.gitSha(), own.buildId(),
                own.tenants() == null || own.tenants().isEmpty() ? hook.tenants() : own.tenants(), own.at()));
    }

    private JsonNode tree(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("invalid_json", "the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", "the body is not JSON: " + e.getMessage());
        }
    }
}

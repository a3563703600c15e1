package com.wedsync.perf.gate.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.gate.deploy.DeploymentRequest;
import com.wedsync.perf.service.api.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GitHub's {@code deployment_status} webhook event as a deployment: only a {@code success} state is one (pending,
 * in_progress, failure… are not live). The deployment's {@code payload} may carry {@code tenants} and {@code version};
 * the tenants default to the hook's, the version to the commit.
 */
final class GitHubDeploymentEvent {

    private GitHubDeploymentEvent() {
    }

    /** The deployment the event reports, or empty when its state is not a successful one. */
    static Optional<DeploymentRequest> read(ObjectMapper json, JsonNode event, String project, List<String> defaultTenants) {
        JsonNode status = event.path("deployment_status");
        JsonNode deployment = event.path("deployment");
        if (status.isMissingNode() || deployment.isMissingNode()) {
            throw ApiException.badRequest("invalid_event", "a deployment_status event needs 'deployment_status' and 'deployment'");
        }
        if (!"success".equals(status.path("state").asText())) {
            return Optional.empty();
        }
        String sha = deployment.path("sha").asText(null);
        if (sha == null || sha.isBlank()) {
            throw ApiException.badRequest("invalid_event", "deployment.sha is missing");
        }
        JsonNode payload = payload(json, deployment.path("payload"));
        List<String> tenants = new ArrayList<>();
        payload.path("tenants").forEach(t -> tenants.add(t.asText()));
        String environment = status.path("environment").asText(deployment.path("environment").asText("production"));
        return Optional.of(new DeploymentRequest(project, environment, payload.path("version").asText(sha), sha,
                payload.path("buildId").asText(null), tenants.isEmpty() ? defaultTenants : tenants,
                at(status.path("created_at").asText(null))));
    }

    /** GitHub sends the deployment's payload as an object, or as the string it was created with. */
    private static JsonNode payload(ObjectMapper json, JsonNode payload) {
        if (payload.isTextual()) {
            try {
                return json.readTree(payload.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return json.createObjectNode();
            }
        }
        return payload;
    }

    private static Instant at(String createdAt) {
        try {
            return createdAt == null ? null : Instant.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_event", "deployment_status.created_at is not an ISO-8601 instant: " + createdAt);
        }
    }
}

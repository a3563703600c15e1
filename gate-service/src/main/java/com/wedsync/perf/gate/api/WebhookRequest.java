package com.wedsync.perf.gate.api;

/** Body of PUT /v1/projects/{id}/webhook: where rollback recommendations go, and the secret that signs them. */
public record WebhookRequest(String url, String secret) {
}

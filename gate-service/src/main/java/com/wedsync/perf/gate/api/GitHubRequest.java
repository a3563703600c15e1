package com.wedsync.perf.gate.api;

/** Body of PUT /v1/projects/{id}/github: where commit statuses go (apiUrl defaults to https://api.github.com). */
public record GitHubRequest(String apiUrl, String repository, String token) {
}

package com.wedsync.perf.gate.api;

/** Body of POST /v1/baselines: make this build the baseline of its branch and environment until another is pinned. */
public record PinRequest(String project, String buildId) {
}

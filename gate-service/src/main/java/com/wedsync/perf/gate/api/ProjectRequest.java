package com.wedsync.perf.gate.api;

/** Body of POST /v1/projects. */
public record ProjectRequest(String id, String name) {
}

package com.wedsync.perf.service.api;

/** Fired (as a CDI event) for every request answered with an {@link ApiException}, so a service can count or log refusals. */
public record Refused(String path, String code, String detail) {
}

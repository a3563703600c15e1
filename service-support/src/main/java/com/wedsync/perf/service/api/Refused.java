package com.wedsync.perf.service.api;

/**
 * Fired (as a CDI event) for every request answered with an {@link ApiException}, so a service can count or log
 * refusals. {@code endpoint} names the resource method ({@code TenantResource.update}), never the raw path: a path
 * is the caller's to choose, and keyed by it a stream of random paths would grow whatever counts them.
 */
public record Refused(String endpoint, String code, String detail) {

    /** The endpoint of a request no resource method matched. */
    public static final String UNMATCHED = "unmatched";
}

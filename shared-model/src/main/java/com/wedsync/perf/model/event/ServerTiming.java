package com.wedsync.perf.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One timed operation of a WedSync back end: how long it took, how it ended, and the wedding it served.
 *
 * @param route the normalised route or endpoint the operation served, or null
 * @param status the HTTP status (0 when the operation is not an HTTP call)
 * @param error whether the operation failed, whatever its status
 * @param weddingId the wedding the operation served, when known
 * @param release the back end's release, when it says so
 * @param variant the experiment variant the request was served in ({@code checkout-v2:B}), when known
 * @param count how many requests this timing stands for, or null for one: a span sampled with probability 1/4
 *              stands for 4 (OTLP's adjusted count)
 */
public record ServerTiming(
        String tenant,
        String operation,
        String route,
        double durationMs,
        int status,
        boolean error,
        String weddingId,
        Instant receivedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String release,
        @JsonInclude(JsonInclude.Include.NON_NULL) String variant,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long count) {

    /** The most requests one timing may stand for (a sampling probability of one in a million). */
    public static final long MAX_COUNT = 1_000_000;

    @JsonCreator
    public ServerTiming {
        Require.text(tenant, "tenant");
        if (!ServerOperations.isValidName(operation)) {
            throw new IllegalArgumentException("operation '" + operation + "' is not a valid operation name");
        }
        Require.nonNegative(durationMs, "durationMs");
        Require.within(status, 0, 599, "status");
        Require.present(receivedAt, "receivedAt");
        if (release != null && !Arms.isRelease(release)) {
            throw new IllegalArgumentException("release '" + release + "' does not match " + Arms.RELEASE.pattern());
        }
        if (variant != null && !Arms.isVariant(variant)) {
            throw new IllegalArgumentException("variant '" + variant + "' does not match " + Arms.VARIANT.pattern());
        }
        if (count != null && (count < 1 || count > MAX_COUNT)) {
            throw new IllegalArgumentException("count must be from 1 to " + MAX_COUNT + ", got " + count);
        }
        count = count == null || count == 1 ? null : count;
    }

    public ServerTiming(String tenant, String operation, String route, double durationMs, int status, boolean error,
                        String weddingId, Instant receivedAt, String release, String variant) {
        this(tenant, operation, route, durationMs, status, error, weddingId, receivedAt, release, variant, null);
    }

    public ServerTiming(String tenant, String operation, String route, double durationMs, int status, boolean error,
                        String weddingId, Instant receivedAt) {
        this(tenant, operation, route, durationMs, status, error, weddingId, receivedAt, null, null, null);
    }

    /** The requests this timing stands for: its count, or one. */
    public long requests() {
        return count == null ? 1 : count;
    }

    public OperationKey key() {
        return new OperationKey(tenant, operation);
    }

    /** The same timing counted under another operation (the tenant's overflow once it has too many). */
    public ServerTiming withOperation(String other) {
        return new ServerTiming(tenant, other, route, durationMs, status, error, weddingId, receivedAt, release, variant,
                count);
    }
}

package com.wedsync.perf.service.limit;

import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-key token buckets (a tenant, or a tenant's client address) answering 429 with Retry-After when empty.
 * Buckets idle for ten minutes are forgotten, so a flood of addresses cannot grow the map for ever.
 */
@ApplicationScoped
public class RateLimiter {

    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final int SWEEP_EVERY = 10_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private int calls;

    /** Takes a token for {@code key} at {@code perMinute}, or refuses with 429 naming {@code what}. */
    public void acquire(String key, int perMinute, String what) {
        acquire(key, perMinute, 1, what);
    }

    /**
     * Takes {@code count} tokens at once — the items of a batch — or none, refusing with 429: a batch counts for what
     * it holds, not as one request.
     */
    public void acquire(String key, int perMinute, int count, String what) {
        long now = System.nanoTime();
        long waitNanos = buckets.computeIfAbsent(key + "/" + perMinute, k -> new TokenBucket(perMinute, now))
                .tryTake(now, count);
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1);
            throw new ApiException(429, "rate_limited", what + " is over its limit of " + perMinute
                    + (count == 1 ? " requests" : " items") + " per minute; retry in " + seconds + " s",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        if (++calls % SWEEP_EVERY == 0) {
            buckets.values().removeIf(bucket -> now - bucket.lastUsed() > IDLE_NANOS);
        }
    }
}

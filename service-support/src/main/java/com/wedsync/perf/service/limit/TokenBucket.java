package com.wedsync.perf.service.limit;

/** A token bucket that refills continuously at {@code perMinute} and holds at most a minute's worth. */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;
    private volatile long lastUsed;

    TokenBucket(int perMinute, long now) {
        this.capacity = perMinute;
        this.perNano = perMinute / 60e9;
        this.tokens = perMinute;
        this.last = now;
        this.lastUsed = now;
    }

    /** Takes one token, or returns the nanoseconds until one is available. */
    synchronized long tryTake(long now) {
        return tryTake(now, 1);
    }

    /**
     * Takes {@code count} tokens, or none and returns the nanoseconds until they are there; a count above the
     * capacity (a minute's worth) is taken as the capacity, so one batch larger than the limit waits a minute, not
     * forever.
     */
    synchronized long tryTake(long now, int count) {
        double needed = Math.min(capacity, count);
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        lastUsed = now;
        if (tokens >= needed) {
            tokens -= needed;
            return 0;
        }
        return (long) Math.ceil((needed - tokens) / perNano);
    }

    long lastUsed() {
        return lastUsed;
    }
}

package com.wedsync.perf.alerting.delivery;

import java.time.Duration;

/**
 * How one attempt to deliver ended: sent; to be retried (after the receiver's Retry-After, or after a back-off when
 * {@code retryAfter} is null); or failed for good (a 4xx other than 429, or no URL configured any more).
 */
record Outcome(Kind kind, Duration retryAfter, String error) {

    enum Kind { SENT, RETRY, FAILED }

    static Outcome sent() {
        return new Outcome(Kind.SENT, null, null);
    }

    static Outcome retryAfter(Duration wait, String error) {
        return new Outcome(Kind.RETRY, wait, error);
    }

    static Outcome retry(String error) {
        return new Outcome(Kind.RETRY, null, error);
    }

    static Outcome failed(String error) {
        return new Outcome(Kind.FAILED, null, error);
    }
}

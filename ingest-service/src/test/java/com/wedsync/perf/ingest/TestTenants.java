package com.wedsync.perf.ingest;

import java.util.concurrent.atomic.AtomicInteger;

/** Tenant ids that no other test (or earlier run against the same broker) uses. */
final class TestTenants {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private TestTenants() {
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }
}

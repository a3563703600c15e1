package com.wedsync.perf.ingest.limit;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** The distinct names (routes, operations) one tenant used on one day, at most its limit; the rest counted. */
final class DistinctPerDay {

    private static final Logger LOG = Logger.getLogger(DistinctPerDay.class);

    private final LocalDate day;
    private final String tenant;
    private final String what;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong overflowed = new AtomicLong();

    DistinctPerDay(LocalDate day, String tenant, String what) {
        this.day = day;
        this.tenant = tenant;
        this.what = what;
    }

    /** True when the name was seen today or there is room for it. */
    boolean admit(String name, int limit) {
        if (seen.contains(name)) {
            return true;
        }
        synchronized (this) {
            if (seen.size() < limit) {
                seen.add(name);
                return true;
            }
        }
        return false;
    }

    void countOverflow() {
        if (overflowed.getAndIncrement() == 0) {
            LOG.warnf("tenant %s has used its %d distinct %s for %s; the rest of the day's new ones count as overflow",
                    tenant, seen.size(), what, day);
        }
    }

    LocalDate day() {
        return day;
    }

    int size() {
        return seen.size();
    }

    long overflowed() {
        return overflowed.get();
    }
}

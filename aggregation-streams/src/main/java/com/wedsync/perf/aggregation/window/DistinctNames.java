package com.wedsync.perf.aggregation.window;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The defence behind ingest's daily caps: the distinct names — routes of browser metrics, operations of server
 * timings — one tenant may open per UTC day on one input partition. Ingest caps each tenant per instance, so N ingest
 * instances, or a producer writing to the topic directly, could let a tenant open N times as many series; here no
 * partition opens more than {@code limit} of one tenant's a day, whatever arrives, and the rest count under the
 * overflow name. Kept in memory: a partition that restarts may admit up to {@code limit} more that day.
 */
public final class DistinctNames {

    private static final long DAY = 86_400_000L;

    private final int limit;
    private final Map<String, Set<String>> admitted = new HashMap<>();
    private long day = Long.MIN_VALUE;

    public DistinctNames(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the distinct names limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** {@code name} when it was admitted on this day (or there is room for it), otherwise {@code overflow}. */
    public String admit(String tenant, String name, String overflow, long time) {
        long sampleDay = Math.floorDiv(time, DAY);
        if (sampleDay > day) {
            admitted.clear();
            day = sampleDay;
        }
        Set<String> names = admitted.computeIfAbsent(tenant, t -> new HashSet<>());
        if (names.contains(name) || (names.size() < limit && names.add(name))) {
            return name;
        }
        return overflow;
    }
}

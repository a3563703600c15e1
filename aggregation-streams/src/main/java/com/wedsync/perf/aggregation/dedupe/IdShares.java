package com.wedsync.perf.aggregation.dedupe;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many web-vitals ids each tenant has in a partition's id table, so that one tenant cannot fill it: new ids of a
 * tenant at its share are not remembered (its own later updates of them then count as new reports; nobody else's
 * do). Ids are forgotten by the minute they were first seen, so the counts are kept by that minute too and dropped
 * with it. Kept in memory: after a restart the table is rebuilt but the counts start again, so a tenant may hold up
 * to twice its share until its old ids age out.
 */
public final class IdShares {

    private final long limit;
    private final TreeMap<Integer, Map<String, Integer>> byMinute = new TreeMap<>();
    private final Map<String, Long> totals = new HashMap<>();

    public IdShares(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the ids share must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** True (and counted) when the tenant may have one more id, first seen in {@code minute}. */
    public boolean admit(String tenant, int minute) {
        long held = totals.getOrDefault(tenant, 0L);
        if (held >= limit) {
            return false;
        }
        totals.put(tenant, held + 1);
        byMinute.computeIfAbsent(minute, m -> new HashMap<>()).merge(tenant, 1, Integer::sum);
        return true;
    }

    /** Forgets the counts of ids first seen before {@code minute}, as the table forgets the ids. */
    public void forgetBefore(int minute) {
        Map<Integer, Map<String, Integer>> old = byMinute.headMap(minute);
        old.values().forEach(counts -> counts.forEach((tenant, count) ->
                totals.computeIfPresent(tenant, (t, held) -> held - count == 0 ? null : held - count)));
        old.clear();
    }

    public long held(String tenant) {
        return totals.getOrDefault(tenant, 0L);
    }
}

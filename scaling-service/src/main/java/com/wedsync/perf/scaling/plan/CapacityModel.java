package com.wedsync.perf.scaling.plan;

import java.time.Duration;

/**
 * What one instance carries and what a wedding needs, and how far ahead to plan.
 *
 * @param loadPerInstance load units an hour one instance serves at 100% utilisation
 * @param targetUtilisation the plan keeps forecast utilisation at or under this (0.7)
 * @param connectionsPerInstance database connections each instance holds
 * @param cacheBaseMb cache with no wedding under way; cachePerWeddingMb added for each wedding in its window
 * @param lead capacity is in place this long before the need (and before each ceremony)
 * @param stabilisation after a peak, capacity is kept at least this long before scaling down
 * @param weddingBefore a wedding's window opens this long before its ceremony; weddingAfter closes it after
 * @param emergencyHold how long an emergency raise lasts without news (renewed while the alert fires)
 */
public record CapacityModel(double loadPerInstance, double targetUtilisation, int connectionsPerInstance, int cacheBaseMb,
                            int cachePerWeddingMb, Duration lead, Duration stabilisation, Duration weddingBefore,
                            Duration weddingAfter, Duration emergencyHold) {

    public static final int MIN_INSTANCES = 2;
    public static final int MAX_INSTANCES = 10;
    public static final int MIN_CONNECTIONS = 20;
    public static final int MAX_CONNECTIONS = 100;
    public static final int MIN_CACHE_MB = 256;
    public static final int MAX_CACHE_MB = 1024;

    /** The fewest instances keeping the load under the target utilisation, within 2–10. */
    public int instancesFor(double load) {
        return clamp((int) Math.ceil(load / (loadPerInstance * targetUtilisation)), MIN_INSTANCES, MAX_INSTANCES);
    }

    public int connectionsFor(int instances) {
        return clamp(instances * connectionsPerInstance, MIN_CONNECTIONS, MAX_CONNECTIONS);
    }

    /** Cache for this many weddings in their window, in steps of 64 MB, within 256 MB–1 GB. */
    public int cacheFor(int activeWeddings) {
        int mb = cacheBaseMb + activeWeddings * cachePerWeddingMb;
        return clamp((int) Math.ceil(mb / 64.0) * 64, MIN_CACHE_MB, MAX_CACHE_MB);
    }

    public double utilisation(double load, int instances) {
        return load / (loadPerInstance * instances);
    }

    static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}

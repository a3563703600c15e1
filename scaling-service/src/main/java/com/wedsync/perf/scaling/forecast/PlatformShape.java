package com.wedsync.perf.scaling.forecast;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The platform's hour-of-week shape (mean 1) and the load of its typical tenant, for tenants with too little history
 * of their own. Learnt from the sum of every tenant's load.
 */
public record PlatformShape(double[] shape, double typicalTenantLoad, int tenants) {

    public static final PlatformShape NONE = new PlatformShape(flat(), 0, 0);

    public static PlatformShape learn(Map<String, SortedMap<Instant, Double>> histories,
                                      Map<String, ToDoubleFunction<Instant>> weddingLoads, ForecastSettings settings, Instant now) {
        SortedMap<Instant, Double> total = new TreeMap<>();
        int active = 0;
        for (Map.Entry<String, SortedMap<Instant, Double>> tenant : histories.entrySet()) {
            if (tenant.getValue().isEmpty()) {
                continue;
            }
            active++;
            ToDoubleFunction<Instant> weddings = weddingLoads.getOrDefault(tenant.getKey(), h -> 0);
            tenant.getValue().forEach((hour, load) -> total.merge(hour, Math.max(0, load - weddings.applyAsDouble(hour)), Double::sum));
        }
        if (active == 0) {
            return NONE;
        }
        double[] profile = SeasonalProfile.learn(total, h -> 0, settings, now);
        double mean = Arrays.stream(profile).filter(v -> !Double.isNaN(v)).average().orElse(0);
        if (!(mean > 0)) {
            return NONE;
        }
        double[] shape = new double[HourOfWeek.SLOTS];
        for (int slot = 0; slot < shape.length; slot++) {
            shape[slot] = Double.isNaN(profile[slot]) ? 1 : profile[slot] / mean;
        }
        return new PlatformShape(shape, mean / active, active);
    }

    private static double[] flat() {
        double[] shape = new double[HourOfWeek.SLOTS];
        Arrays.fill(shape, 1);
        return shape;
    }
}

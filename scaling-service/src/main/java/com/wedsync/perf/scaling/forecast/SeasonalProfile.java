package com.wedsync.perf.scaling.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.ToDoubleFunction;

/**
 * A tenant's usual load per hour of the week without weddings and season: each past hour's load, less the load its
 * weddings brought, divided by its month's season factor, averaged per hour-of-week with recent weeks weighing more.
 */
public final class SeasonalProfile {

    private SeasonalProfile() {
    }

    /** Per slot the weighted mean, NaN for a slot history never saw. */
    public static double[] learn(SortedMap<Instant, Double> history, ToDoubleFunction<Instant> weddingLoad,
                                 ForecastSettings settings, Instant now) {
        double[] sum = new double[HourOfWeek.SLOTS];
        double[] weight = new double[HourOfWeek.SLOTS];
        for (Map.Entry<Instant, Double> hour : history.entrySet()) {
            double weeksAgo = Duration.between(hour.getKey(), now).toHours() / 168.0;
            double w = Math.pow(0.5, weeksAgo / settings.halfLifeWeeks());
            int slot = HourOfWeek.of(hour.getKey(), settings.zone());
            sum[slot] += w * deseasoned(hour.getKey(), hour.getValue(), weddingLoad, settings);
            weight[slot] += w;
        }
        double[] profile = new double[HourOfWeek.SLOTS];
        for (int slot = 0; slot < HourOfWeek.SLOTS; slot++) {
            profile[slot] = weight[slot] == 0 ? Double.NaN : sum[slot] / weight[slot];
        }
        return profile;
    }

    /** The hour's load without its weddings' share, at an average month's level. */
    static double deseasoned(Instant hour, double load, ToDoubleFunction<Instant> weddingLoad, ForecastSettings settings) {
        return Math.max(0, load - weddingLoad.applyAsDouble(hour)) / settings.season().of(hour, settings.zone());
    }
}

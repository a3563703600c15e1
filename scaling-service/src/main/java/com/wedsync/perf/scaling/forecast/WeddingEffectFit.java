package com.wedsync.perf.scaling.forecast;

import com.wedsync.perf.model.event.WeddingSchedule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Learns how much load weddings of N guests and M vendors brought, per hour around the ceremony, from every tenant's
 * history: alternately (a) each tenant's seasonal profile from its load minus the current wedding estimate, and (b) a
 * least-squares fit of what is left over — load minus profile — on the guests and vendors of the weddings around each
 * hour, pulled gently towards the prior. Three rounds settle it. Until {@code minWeddings} weddings have passed inside
 * the history, the prior stands.
 */
public final class WeddingEffectFit {

    private static final int ROUNDS = 3;
    private static final double RIDGE = 0.01;

    private WeddingEffectFit() {
    }

    public static WeddingEffect fit(Map<String, SortedMap<Instant, Double>> histories,
                                    Map<String, List<WeddingSchedule>> weddings, ForecastSettings settings, Instant now) {
        Set<String> observed = new HashSet<>();
        histories.forEach((tenant, history) -> weddings.getOrDefault(tenant, List.of()).forEach(w -> {
            if (!history.isEmpty() && history.containsKey(w.ceremonyAt().truncatedTo(ChronoUnit.HOURS))) {
                observed.add(w.weddingId());
            }
        }));
        if (observed.size() < settings.minWeddings()) {
            return settings.prior();
        }
        WeddingEffect effect = settings.prior();
        double[] prior = coefficients(settings.prior());
        for (int round = 0; round < ROUNDS; round++) {
            LeastSquares fit = new LeastSquares(2 * WeddingEffect.OFFSETS);
            for (Map.Entry<String, SortedMap<Instant, Double>> tenant : histories.entrySet()) {
                List<WeddingSchedule> own = weddings.getOrDefault(tenant.getKey(), List.of());
                if (own.isEmpty() || tenant.getValue().isEmpty()) {
                    continue;
                }
                WeddingEffect current = effect;
                double[] profile = SeasonalProfile.learn(tenant.getValue(), h -> load(current, own, h), settings, now);
                for (Map.Entry<Instant, Double> hour : tenant.getValue().entrySet()) {
                    double[] x = features(own, hour.getKey());
                    int slot = HourOfWeek.of(hour.getKey(), settings.zone());
                    if (x == null || Double.isNaN(profile[slot])) {
                        continue;
                    }
                    double baseline = profile[slot] * settings.season().of(hour.getKey(), settings.zone());
                    fit.add(x, hour.getValue() - baseline);
                }
            }
            double[] beta = fit.solve(RIDGE * Math.max(fit.meanDiagonal(), 1e-9), prior);
            effect = new WeddingEffect(java.util.Arrays.copyOfRange(beta, 0, WeddingEffect.OFFSETS),
                    java.util.Arrays.copyOfRange(beta, WeddingEffect.OFFSETS, 2 * WeddingEffect.OFFSETS),
                    "fitted on " + observed.size() + " past weddings", observed.size());
        }
        return effect;
    }

    /** The wedding load of a tenant's weddings in an hour. */
    public static double load(WeddingEffect effect, List<WeddingSchedule> weddings, Instant hour) {
        double sum = 0;
        for (WeddingSchedule w : weddings) {
            sum += effect.load(w, hour);
        }
        return sum;
    }

    /** Guests and vendors of the weddings around this hour, per offset; null when none is. */
    private static double[] features(List<WeddingSchedule> weddings, Instant hour) {
        double[] x = null;
        for (WeddingSchedule w : weddings) {
            int offset = WeddingEffect.offset(w, hour);
            if (WeddingEffect.covers(offset)) {
                if (x == null) {
                    x = new double[2 * WeddingEffect.OFFSETS];
                }
                int i = offset - WeddingEffect.FIRST_OFFSET;
                x[i] += w.guestCount();
                x[WeddingEffect.OFFSETS + i] += w.vendorCount();
            }
        }
        return x;
    }

    private static double[] coefficients(WeddingEffect effect) {
        double[] beta = new double[2 * WeddingEffect.OFFSETS];
        System.arraycopy(effect.perGuest(), 0, beta, 0, WeddingEffect.OFFSETS);
        System.arraycopy(effect.perVendor(), 0, beta, WeddingEffect.OFFSETS, WeddingEffect.OFFSETS);
        return beta;
    }
}

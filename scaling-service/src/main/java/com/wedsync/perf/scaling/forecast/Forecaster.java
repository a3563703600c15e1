package com.wedsync.perf.scaling.forecast;

import com.wedsync.perf.model.event.WeddingSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * Forecasts a tenant's hourly load: season factor × the tenant's hour-of-week profile (its own with two weeks of
 * history or more, else the platform's shape scaled to the tenant's size), plus the load its scheduled weddings add.
 */
public final class Forecaster {

    private final ForecastSettings settings;

    public Forecaster(ForecastSettings settings) {
        this.settings = settings;
    }

    /**
     * @param history the tenant's complete past hours (load per hour), oldest first
     * @param weddings the tenant's scheduled weddings
     */
    public Forecast forecast(String tenant, Instant now, SortedMap<Instant, Double> history, List<WeddingSchedule> weddings,
                             WeddingEffect effect, PlatformShape platform) {
        Instant first = now.truncatedTo(ChronoUnit.HOURS);
        Baseline baseline = baseline(history, weddings, effect, platform, now);
        List<ForecastHour> hours = new ArrayList<>(settings.horizonHours());
        for (int i = 0; i < settings.horizonHours(); i++) {
            Instant hour = first.plus(Duration.ofHours(i));
            double base = baseline.profile()[HourOfWeek.of(hour, settings.zone())] * settings.season().of(hour, settings.zone());
            double weddingLoad = 0;
            int count = 0;
            int guests = 0;
            for (WeddingSchedule w : weddings) {
                if (WeddingEffect.covers(WeddingEffect.offset(w, hour))) {
                    weddingLoad += effect.load(w, hour);
                    count++;
                    guests += w.guestCount();
                }
            }
            hours.add(new ForecastHour(hour, i, base + weddingLoad, base, weddingLoad, count, guests));
        }
        return new Forecast(tenant, now, first, baseline.basis() + "; wedding load " + effect.basis(), List.copyOf(hours));
    }

    private record Baseline(double[] profile, String basis) {
    }

    private Baseline baseline(SortedMap<Instant, Double> history, List<WeddingSchedule> weddings, WeddingEffect effect,
                              PlatformShape platform, Instant now) {
        double[] own = SeasonalProfile.learn(history, h -> WeddingEffectFit.load(effect, weddings, h), settings, now);
        long days = history.isEmpty() ? 0 : Duration.between(history.firstKey(), history.lastKey()).toDays() + 1;
        if (days >= settings.minHistoryDays()) {
            double[] profile = own.clone();
            int filled = 0;
            double level = level(history, weddings, effect, platform);
            for (int slot = 0; slot < profile.length; slot++) {
                if (Double.isNaN(profile[slot])) {
                    profile[slot] = level * platform.shape()[slot];
                    filled++;
                }
            }
            return new Baseline(profile, String.format(Locale.ROOT, "own history: %d days, hour-of-week profile × season factor",
                    days) + (filled == 0 ? "" : " (" + filled + " hours of the week from the platform's shape)"));
        }
        if (history.isEmpty()) {
            double[] profile = scaled(platform, platform.typicalTenantLoad());
            return new Baseline(profile, platform.tenants() == 0 ? "no history anywhere yet: wedding load only"
                    : "no history yet: the platform's typical tenant (platform-wide hour-of-week shape of "
                    + platform.tenants() + " tenants)");
        }
        double level = level(history, weddings, effect, platform);
        return new Baseline(scaled(platform, level), String.format(Locale.ROOT, "little history (%d days): the platform-wide "
                + "hour-of-week shape scaled to this tenant's size (%.1f load units an hour on average)", days, level));
    }

    /** The tenant's average deseasoned load per unit of the platform's shape over the hours it has. */
    private double level(SortedMap<Instant, Double> history, List<WeddingSchedule> weddings, WeddingEffect effect,
                         PlatformShape platform) {
        double load = 0;
        double shape = 0;
        for (var hour : history.entrySet()) {
            load += SeasonalProfile.deseasoned(hour.getKey(), hour.getValue(), h -> WeddingEffectFit.load(effect, weddings, h), settings);
            shape += platform.shape()[HourOfWeek.of(hour.getKey(), settings.zone())];
        }
        return shape > 0 ? load / shape : 0;
    }

    private static double[] scaled(PlatformShape platform, double level) {
        double[] profile = new double[HourOfWeek.SLOTS];
        for (int slot = 0; slot < profile.length; slot++) {
            profile[slot] = platform.shape()[slot] * level;
        }
        return profile;
    }
}

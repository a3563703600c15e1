package com.wedsync.perf.scaling.forecast;

import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A synthetic platform: tenants with a weekly pattern (quiet nights, busy working days, Saturday peaks), the wedding
 * season, weddings mostly on Saturdays whose load follows a known per-guest / per-vendor curve, and 10% noise.
 */
final class SyntheticLoad {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** The true wedding curve: load per guest by offset −3..+8, peaking an hour after the ceremony. */
    static final double[] TRUE_PER_GUEST = {0.5, 1.5, 3.0, 5.0, 6.0, 4.5, 3.0, 2.0, 1.2, 0.6, 0.3, 0.1};
    static final double TRUE_PER_VENDOR = 20;

    final Map<String, SortedMap<Instant, Double>> actual = new HashMap<>();
    final Map<String, List<WeddingSchedule>> weddings = new HashMap<>();
    final Instant start;
    final int weeks;

    SyntheticLoad(Instant start, int weeks, long seed, String... tenants) {
        this.start = start;
        this.weeks = weeks;
        Random random = new Random(seed);
        SeasonFactors season = new SeasonFactors(SeasonFactors.WEDDING_SEASON);
        for (int t = 0; t < tenants.length; t++) {
            String tenant = tenants[t];
            double size = 1 + t * 0.6;
            List<WeddingSchedule> own = new ArrayList<>();
            for (int week = 0; week < weeks; week++) {
                ZonedDateTime saturday = start.atZone(ZONE).plusWeeks(week).with(DayOfWeek.SATURDAY);
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    ZonedDateTime day = random.nextDouble() < 0.8 ? saturday : saturday.minusDays(1);
                    Instant ceremony = day.withHour(11 + random.nextInt(6)).withMinute(0).toInstant();
                    own.add(new WeddingSchedule(tenant + "-w" + week + "-" + i, tenant, ceremony, ZONE.getId(),
                            40 + random.nextInt(260), 3 + random.nextInt(12), WeddingStatus.SCHEDULED, start));
                }
            }
            weddings.put(tenant, own);
            SortedMap<Instant, Double> loads = new TreeMap<>();
            for (Instant hour = start; hour.isBefore(start.plus(Duration.ofDays(7L * weeks))); hour = hour.plus(Duration.ofHours(1))) {
                double base = size * weekly(hour) * season.of(hour, ZONE);
                double weddingLoad = 0;
                for (WeddingSchedule w : own) {
                    int offset = WeddingEffect.offset(w, hour);
                    if (WeddingEffect.covers(offset)) {
                        weddingLoad += TRUE_PER_GUEST[offset - WeddingEffect.FIRST_OFFSET] * w.guestCount()
                                + TRUE_PER_VENDOR * TRUE_PER_GUEST[offset - WeddingEffect.FIRST_OFFSET] / 6 * w.vendorCount();
                    }
                }
                loads.put(hour, (base + weddingLoad) * Math.exp(0.10 * random.nextGaussian()));
            }
            actual.put(tenant, loads);
        }
    }

    /** The usual load of an hour of the week. */
    static double weekly(Instant hour) {
        ZonedDateTime local = hour.atZone(ZONE);
        int h = local.getHour();
        double day = h < 7 ? 60 : h < 9 ? 250 : h < 18 ? 600 : h < 22 ? 350 : 120;
        return switch (local.getDayOfWeek()) {
            case SATURDAY -> day * 1.6;
            case SUNDAY -> day * 0.7;
            case FRIDAY -> day * 1.15;
            default -> day;
        };
    }

    /** The history a forecaster standing at {@code now} has: complete hours before it. */
    SortedMap<Instant, Double> before(String tenant, Instant now, int historyWeeks) {
        return new TreeMap<>(actual.get(tenant).subMap(now.minus(Duration.ofDays(7L * historyWeeks)), now));
    }

    Map<String, SortedMap<Instant, Double>> allBefore(Instant now, int historyWeeks) {
        Map<String, SortedMap<Instant, Double>> all = new HashMap<>();
        actual.keySet().forEach(t -> all.put(t, before(t, now, historyWeeks)));
        return all;
    }
}

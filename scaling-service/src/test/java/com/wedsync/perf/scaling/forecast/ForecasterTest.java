package com.wedsync.perf.scaling.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The forecast against a seasonal-naive one on a synthetic platform, the wedding fit, and the fall-back for new tenants. */
class ForecasterTest {

    private static final ForecastSettings SETTINGS = new ForecastSettings(SyntheticLoad.ZONE, 8, 3, 14, 5, 48,
            new SeasonFactors(SeasonFactors.WEDDING_SEASON), WeddingEffect.prior(4, 30));
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void shouldBeatTheSeasonalNaiveForecastOnMape() {
        SyntheticLoad platform = new SyntheticLoad(START, 12, 42, "studio-a", "studio-b", "studio-c");
        Forecaster forecaster = new Forecaster(SETTINGS);
        double modelError = 0;
        double naiveError = 0;
        int n = 0;
        Instant from = START.plus(Duration.ofDays(7 * 9));
        for (Instant now = from; now.isBefore(from.plus(Duration.ofDays(14))); now = now.plus(Duration.ofHours(12))) {
            Map<String, SortedMap<Instant, Double>> histories = platform.allBefore(now, SETTINGS.historyWeeks());
            WeddingEffect effect = WeddingEffectFit.fit(histories, platform.weddings, SETTINGS, now);
            PlatformShape shape = PlatformShape.learn(histories, Map.of(), SETTINGS, now);
            for (String tenant : platform.actual.keySet()) {
                Forecast forecast = forecaster.forecast(tenant, now, histories.get(tenant), platform.weddings.get(tenant), effect, shape);
                for (ForecastHour hour : forecast.hours()) {
                    Double actual = platform.actual.get(tenant).get(hour.hour());
                    Double lastWeek = platform.actual.get(tenant).get(hour.hour().minus(Duration.ofDays(7)));
                    if (actual == null || lastWeek == null) {
                        continue;
                    }
                    modelError += Math.abs(hour.forecast() - actual) / actual;
                    naiveError += Math.abs(lastWeek - actual) / actual;
                    n++;
                }
            }
        }
        double modelMape = 100 * modelError / n;
        double naiveMape = 100 * naiveError / n;
        System.out.printf(Locale.ROOT, "forecast MAPE %.1f%% vs seasonal-naive (same hour last week) %.1f%% over %d forecast hours%n",
                modelMape, naiveMape, n);
        assertThat(n).isGreaterThan(3000);
        assertThat(modelMape).isLessThan(naiveMape * 0.8);
    }

    @Test
    void shouldLearnTheLoadWeddingsBringFromPastWeddings() {
        SyntheticLoad platform = new SyntheticLoad(START, 8, 7, "studio-a", "studio-b", "studio-c");
        Instant now = START.plus(Duration.ofDays(56));
        WeddingEffect effect = WeddingEffectFit.fit(platform.allBefore(now, 8), platform.weddings, SETTINGS, now);
        assertThat(effect.basis()).startsWith("fitted on");
        assertThat(effect.fittedOn()).isGreaterThanOrEqualTo(20);
        int peak = 1 - WeddingEffect.FIRST_OFFSET;
        double truePeak = SyntheticLoad.TRUE_PER_GUEST[peak] * 200 + SyntheticLoad.TRUE_PER_VENDOR * SyntheticLoad.TRUE_PER_GUEST[peak] / 6 * 10;
        double fittedPeak = effect.perGuest()[peak] * 200 + effect.perVendor()[peak] * 10;
        System.out.printf(Locale.ROOT, "wedding of 200 guests, 10 vendors, an hour after the ceremony: true %.0f, fitted %.0f, prior %.0f%n",
                truePeak, fittedPeak, SETTINGS.prior().perGuest()[peak] * 200 + SETTINGS.prior().perVendor()[peak] * 10);
        assertThat(fittedPeak).isCloseTo(truePeak, within(truePeak * 0.15));
    }

    @Test
    void shouldKeepThePriorUntilEnoughWeddingsHavePassed() {
        SyntheticLoad platform = new SyntheticLoad(START, 8, 7, "studio-a");
        Instant now = START.plus(Duration.ofDays(56));
        WeddingEffect effect = WeddingEffectFit.fit(platform.allBefore(now, 8), Map.of("studio-a",
                platform.weddings.get("studio-a").subList(0, 2)), SETTINGS, now);
        assertThat(effect).isEqualTo(SETTINGS.prior());
    }

    @Test
    void shouldScaleThePlatformShapeForATenantWithLittleHistoryAndSaySo() {
        SyntheticLoad platform = new SyntheticLoad(START, 8, 11, "studio-a", "studio-b");
        Instant now = START.plus(Duration.ofDays(56));
        Map<String, SortedMap<Instant, Double>> histories = platform.allBefore(now, 8);
        PlatformShape shape = PlatformShape.learn(histories, Map.of(), SETTINGS, now);
        SortedMap<Instant, Double> threeDays = new TreeMap<>(platform.actual.get("studio-b").subMap(now.minus(Duration.ofDays(3)), now));

        Forecast forecast = new Forecaster(SETTINGS).forecast("newcomer", now, threeDays, List.of(), SETTINGS.prior(), shape);
        assertThat(forecast.basis()).startsWith("little history (3 days): the platform-wide hour-of-week shape");
        Forecast none = new Forecaster(SETTINGS).forecast("brand-new", now, new TreeMap<>(), List.of(), SETTINGS.prior(), shape);
        assertThat(none.basis()).startsWith("no history yet: the platform's typical tenant");
        double busiest = forecast.hours().stream().mapToDouble(ForecastHour::forecast).max().orElseThrow();
        double quietest = forecast.hours().stream().mapToDouble(ForecastHour::forecast).min().orElseThrow();
        assertThat(busiest / quietest).as("the platform's day/night shape").isGreaterThan(4);
    }

    @Test
    void shouldAddAWeddingsLoadAroundItsCeremony() {
        Instant now = Instant.parse("2026-06-12T09:10:00Z");
        WeddingSchedule wedding = new WeddingSchedule("w-300", "studio-a", Instant.parse("2026-06-13T14:00:00Z"), "Europe/London",
                300, 10, WeddingStatus.SCHEDULED, now);
        Forecast forecast = new Forecaster(SETTINGS).forecast("studio-a", now, new TreeMap<>(), List.of(wedding),
                SETTINGS.prior(), PlatformShape.NONE);
        ForecastHour ceremony = forecast.hours().stream().filter(h -> h.hour().equals(wedding.ceremonyAt())).findFirst().orElseThrow();
        assertThat(ceremony.weddingLoad()).isEqualTo(4.0 * 300 + 30.0 * 10);
        assertThat(ceremony.weddings()).isEqualTo(1);
        assertThat(forecast.hours().get(0).weddingLoad()).isZero();
        assertThat(forecast.hours()).hasSize(48);
        assertThat(forecast.firstHour()).isEqualTo(Instant.parse("2026-06-12T09:00:00Z"));
    }
}

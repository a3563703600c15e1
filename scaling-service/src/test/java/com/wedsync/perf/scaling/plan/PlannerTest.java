package com.wedsync.perf.scaling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import com.wedsync.perf.scaling.forecast.Forecast;
import com.wedsync.perf.scaling.forecast.ForecastHour;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recommendations ahead of need, held through wedding windows, stabilised, bounded, and raised in an emergency. */
class PlannerTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final CapacityModel CAPACITY = new CapacityModel(1000, 0.7, 10, 256, 64, Duration.ofHours(2),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8), Duration.ofHours(1));
    private static final Instant NOW = Instant.parse("2026-06-12T08:05:00Z");
    private static final Instant FIRST = Instant.parse("2026-06-12T08:00:00Z");
    private static final WeddingSchedule WEDDING = new WeddingSchedule("w-1", "studio", Instant.parse("2026-06-13T13:00:00Z"),
            "Europe/London", 300, 12, WeddingStatus.SCHEDULED, NOW);

    @Test
    void shouldHaveCapacityInPlaceTwoHoursBeforeTheCeremonyAndKeepItThroughTheWindow() {
        List<ScalingRecommendation> plan = new Planner(CAPACITY, ZONE).plan(forecast(500, WEDDING, 3000), List.of(WEDDING),
                Optional.empty(), NOW);
        ScalingRecommendation raised = plan.stream().filter(r -> r.instances() > 2).findFirst().orElseThrow();
        assertThat(raised.effectiveFrom()).isEqualTo(Instant.parse("2026-06-13T11:00:00Z"));
        assertThat(raised.instances()).as("3500 / (1000 × 0.7)").isEqualTo(5);
        assertThat(raised.cacheMb()).isEqualTo(320);
        assertThat(raised.reason()).startsWith("Saturday").contains("1 wedding, 300 guests: forecast")
                .contains("in place from 12:00, 2.0 h before the 14:00 ceremony");
        assertThat(plan.stream().filter(r -> r.effectiveFrom().isBefore(Instant.parse("2026-06-13T21:00:00Z"))
                && r.effectiveUntil().isAfter(Instant.parse("2026-06-13T11:00:00Z"))))
                .as("held through the window, until 8 h after the ceremony").allSatisfy(r -> assertThat(r.instances()).isEqualTo(5));
        assertThat(plan.get(0).instances()).isEqualTo(2);
        assertThat(plan.get(0).monitoringIntervalSeconds()).isEqualTo(900);
        assertThat(plan.stream().filter(r -> r.effectiveFrom().equals(Instant.parse("2026-06-13T12:00:00Z"))
                || (r.effectiveFrom().isBefore(Instant.parse("2026-06-13T13:00:00Z")) && r.effectiveUntil().isAfter(Instant.parse("2026-06-13T13:00:00Z"))))
                .mapToInt(ScalingRecommendation::monitoringIntervalSeconds).min().orElseThrow()).isEqualTo(10);
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).effectiveFrom()).isEqualTo(plan.get(i - 1).effectiveUntil());
        }
    }

    @Test
    void shouldNotScaleDownBeforeTheStabilisationWindowHasPassed() {
        List<ForecastHour> hours = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            double load = i == 10 ? 6000 : 500;
            hours.add(new ForecastHour(FIRST.plus(Duration.ofHours(i)), i, load, 500, 0, 0, 0));
        }
        List<ScalingRecommendation> plan = new Planner(CAPACITY, ZONE).plan(new Forecast("t", NOW, FIRST, "test", hours),
                List.of(), Optional.empty(), NOW);
        ScalingRecommendation peak = plan.stream().filter(r -> r.instances() == 9).findFirst().orElseThrow();
        assertThat(peak.effectiveFrom()).as("2 h ahead").isEqualTo(FIRST.plus(Duration.ofHours(8)));
        assertThat(peak.effectiveUntil()).as("1 h of stabilisation after the peak hour").isEqualTo(FIRST.plus(Duration.ofHours(12)));
    }

    @Test
    void shouldStayWithinTheBoundsAndRaiseAtOnceInAnEmergency() {
        List<ScalingRecommendation> huge = new Planner(CAPACITY, ZONE).plan(forecast(100_000, WEDDING, 0), List.of(),
                Optional.empty(), NOW);
        assertThat(huge).allSatisfy(r -> {
            assertThat(r.instances()).isEqualTo(10);
            assertThat(r.dbConnections()).isEqualTo(100);
        });
        Emergency alert = new Emergency("a-1", "studio", "w-1", "guest list p95 5400 ms", NOW.minusSeconds(60));
        List<ScalingRecommendation> raised = new Planner(CAPACITY, ZONE).plan(forecast(500, WEDDING, 0), List.of(),
                Optional.of(alert), NOW);
        assertThat(raised.get(0).emergency()).isTrue();
        assertThat(raised.get(0).instances()).isEqualTo(4);
        assertThat(raised.get(0).monitoringIntervalSeconds()).isEqualTo(10);
        assertThat(raised.get(0).reason()).contains("critical wedding-day alert").contains("guest list p95 5400 ms");
        assertThat(raised.get(1).emergency()).isFalse();
        assertThat(raised.get(1).instances()).isEqualTo(2);
    }

    private static Forecast forecast(double baseline, WeddingSchedule wedding, double weddingPeak) {
        List<ForecastHour> hours = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Instant hour = FIRST.plus(Duration.ofHours(i));
            long offset = Duration.between(wedding.ceremonyAt(), hour).toHours();
            double extra = offset >= 0 && offset <= 3 ? weddingPeak : 0;
            hours.add(new ForecastHour(hour, i, baseline + extra, baseline, extra, extra > 0 ? 1 : 0, extra > 0 ? 300 : 0));
        }
        return new Forecast("studio", NOW, FIRST, "test", hours);
    }
}

package com.wedsync.perf.gate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.stats.ArmComparison;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Canary verdicts over simulated deployments: 15 minutes in which the old and the new release serve real users side by
 * side on three routes, with a time-of-day slowdown (up to +30 % by the end of the window) hitting both.
 */
class CanaryCheckTest {

    private static final Instant AT = Instant.parse("2026-06-13T18:00:00Z");
    private static final ArmComparison.Settings SETTINGS = new ArmComparison.Settings(0.75, 0.05, 100, 0.10);
    private static final int CANARIES = 200;
    private static final List<String> ROUTES = List.of("/photos/gallery", "/weddings/:id/guests", "/timeline/:id");

    @Test
    void aSlowdownOfTheHourHittingBothReleasesRecommendsNoRollback() {
        Random random = new Random(31);
        int rollbacks = 0;
        int beforeAfterRollbacks = 0;
        for (int i = 0; i < CANARIES; i++) {
            Optional<CanaryCheck.Outcome> outcome = CanaryCheck.compare("t", "v2", minutes(random, 1.0, 0.30, 20), SETTINGS);
            assertThat(outcome).isPresent();
            rollbacks += outcome.get().findings().stream().anyMatch(PostDeployCheck.Finding::rollback) ? 1 : 0;
            beforeAfterRollbacks += beforeAfterWouldRollBack(random) ? 1 : 0;
        }
        double rate = (double) rollbacks / CANARIES;
        System.out.printf(Locale.ROOT, "[canary] %d deployments, both releases slowed by the hour (+0..30 %%): rollback "
                        + "recommended %.1f %% side by side; %.1f %% of the same drift judged after-vs-before%n", CANARIES,
                rate * 100, 100.0 * beforeAfterRollbacks / CANARIES);
        assertThat(rate).isLessThanOrEqualTo(0.05);
        assertThat(beforeAfterRollbacks).as("the drift alone fools a before/after check").isGreaterThan(CANARIES / 2);
    }

    @Test
    void aReleaseTwentyPercentSlowerThanTheOldOneAlongsideIsCaught() {
        Random random = new Random(32);
        int caught = 0;
        for (int i = 0; i < CANARIES; i++) {
            CanaryCheck.Outcome outcome = CanaryCheck.compare("t", "v2", minutes(random, 1.2, 0.30, 20), SETTINGS).orElseThrow();
            caught += outcome.findings().stream().anyMatch(PostDeployCheck.Finding::rollback) ? 1 : 0;
        }
        double rate = (double) caught / CANARIES;
        System.out.printf(Locale.ROOT, "[canary] %d deployments, new release 20 %% slower alongside the old (20 views per "
                + "route and minute each, 15 minutes): rollback recommended %.1f %%%n", CANARIES, rate * 100);
        assertThat(rate).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theEvidenceNamesRouteMetricBothReleasesAndTheViews() {
        CanaryCheck.Outcome outcome = CanaryCheck.compare("studio-a", "v2", minutes(new Random(33), 1.3, 0, 20), SETTINGS)
                .orElseThrow();
        assertThat(outcome.baseline()).isEqualTo("v1");
        PostDeployCheck.Finding gallery = outcome.findings().stream().filter(f -> f.route().equals("/photos/gallery"))
                .findFirst().orElseThrow();
        assertThat(gallery.comparison()).isEqualTo(PostDeployCheck.CONCURRENT);
        assertThat(gallery.metric()).isEqualTo("LCP");
        assertThat(gallery.samplesBefore()).isEqualTo(300);
        assertThat(gallery.samplesAfter()).isEqualTo(300);
        assertThat(gallery.rollback()).isTrue();
        assertThat(gallery.summary()).startsWith("LCP p75 on /photos/gallery for studio-a: v2 ").contains(" vs v1 ")
                .contains("300 vs 300 views");
    }

    @Test
    void minutesWithoutTheOtherReleaseDoNotCountAndNoOverlapMeansBeforeAfter() {
        List<ReleaseMinutes.Minute> minutes = new ArrayList<>();
        // the old release only in the first five minutes, the new one only after: a before/after in disguise
        for (int minute = 0; minute < 10; minute++) {
            minutes.add(minute(minute < 5 ? "v1" : "v2", "/guests", minute, sketch(new Random(minute), 200, 2000)));
        }
        assertThat(CanaryCheck.compare("t", "v2", minutes, SETTINGS)).isEmpty();
        assertThat(CanaryCheck.compare("t", "v2", List.of(minute("v2", "/guests", 0, sketch(new Random(1), 500, 2000))),
                SETTINGS)).as("no old release at all").isEmpty();
    }

    /**
     * 15 minutes on three routes, {@code perMinute} LCP views of each release per route and minute; both releases'
     * values grow by {@code drift} over the window, the new one's are also {@code slower} times the old one's.
     */
    private static List<ReleaseMinutes.Minute> minutes(Random random, double slower, double drift, int perMinute) {
        List<ReleaseMinutes.Minute> minutes = new ArrayList<>();
        for (String route : ROUTES) {
            for (int minute = 0; minute < 15; minute++) {
                double hour = 1 + drift * minute / 14.0;
                minutes.add(minute("v1", route, minute, sketch(random, perMinute, 2000 * hour)));
                minutes.add(minute("v2", route, minute, sketch(random, perMinute, 2000 * hour * slower)));
            }
        }
        return minutes;
    }

    /** What a before/after check says of the same drift: 15 minutes before at the hour's start, 15 after drifting. */
    private static boolean beforeAfterWouldRollBack(Random random) {
        double[] before = new double[15];
        double[] after = new double[15];
        for (int minute = 0; minute < 15; minute++) {
            before[minute] = sketch(random, 48, 2000).quantile(0.75);
            after[minute] = sketch(random, 48, 2000 * (1 + 0.30 * minute / 14.0)).quantile(0.75);
        }
        PostDeployCheck.Finding finding = PostDeployCheck.compare("t", "LCP", before, after, 0.10, 5);
        return finding != null && finding.rollback();
    }

    private static ReleaseMinutes.Minute minute(String release, String route, int minute, QuantileSketch sketch) {
        return new ReleaseMinutes.Minute(release, route, "MOBILE", "LCP", AT.plusSeconds(60L * minute), sketch.count(),
                SketchCodec.encode(sketch));
    }

    private static QuantileSketch sketch(Random random, int count, double median) {
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < count; i++) {
            sketch.add(median * Math.exp(0.5 * random.nextGaussian()));
        }
        return sketch;
    }
}

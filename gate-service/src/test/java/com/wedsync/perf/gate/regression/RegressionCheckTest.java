package com.wedsync.perf.gate.regression;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 10% slower than a noisy baseline fails only when the difference is significant. */
class RegressionCheckTest {

    private static final String URL = "https://app.wedsync.example/guests";

    @Test
    void shouldFailAConsistentTenPercentSlowdown() {
        List<MetricComparison> comparisons = RegressionCheck.compare(runs(2200, 2210, 2190, 2230, 2205),
                runs(2000, 2020, 1990, 2010, 2005), 0.05);
        MetricComparison lcp = lcp(comparisons);
        assertThat(lcp.outcome()).isEqualTo(MetricComparison.Outcome.REGRESSED);
        assertThat(lcp.worseBy()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.01));
        assertThat(lcp.message()).contains("Mann-Whitney U exact").contains("p = 0.004");
    }

    @Test
    void shouldOnlyWarnAboutATenPercentSlowdownLostInNoise() {
        MetricComparison lcp = lcp(RegressionCheck.compare(runs(2420, 2900, 1750, 2640, 2200),
                runs(2000, 2600, 1500, 2450, 1700), 0.05));
        assertThat(lcp.worseBy()).as("medians 2200 → 2420").isGreaterThan(0.05);
        assertThat(lcp.outcome()).isEqualTo(MetricComparison.Outcome.NOT_SIGNIFICANT);
    }

    @Test
    void shouldSayWhenTooFewRunsCanNeverShowSignificance() {
        MetricComparison lcp = lcp(RegressionCheck.compare(runs(3000, 3100), runs(2000, 2050), 0.05));
        assertThat(lcp.outcome()).isEqualTo(MetricComparison.Outcome.NOT_SIGNIFICANT);
        assertThat(lcp.message()).contains("send more runs");
    }

    @Test
    void shouldTreatALowerScoreAsWorse() {
        List<LighthouseRun> before = new ArrayList<>();
        List<LighthouseRun> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(run(2000, 98 - i * 0.5));
            after.add(run(2000, 85 - i * 0.5));
        }
        MetricComparison performance = RegressionCheck.compare(after, before, 0.05).stream()
                .filter(c -> c.metric().equals("performance")).findFirst().orElseThrow();
        assertThat(performance.outcome()).isEqualTo(MetricComparison.Outcome.REGRESSED);
    }

    private static MetricComparison lcp(List<MetricComparison> comparisons) {
        return comparisons.stream().filter(c -> c.metric().equals("largest-contentful-paint")).findFirst().orElseThrow();
    }

    @Test
    void shouldCompareEachFormFactorWithItsOwnBaseline() {
        List<LighthouseRun> before = new ArrayList<>();
        List<LighthouseRun> after = new ArrayList<>();
        for (double lcp : new double[] {2000, 2010, 1990, 2020, 2005}) {
            before.add(run(lcp, 96, "mobile"));
            before.add(run(lcp / 2, 99, "desktop"));
            after.add(run(lcp * 1.3, 96, "mobile"));   // mobile 30 % slower
            after.add(run(lcp / 2, 99, "desktop"));    // desktop as it was
        }

        List<MetricComparison> lcps = RegressionCheck.compare(after, before, 0.05).stream()
                .filter(c -> c.metric().equals("largest-contentful-paint")).toList();

        assertThat(lcps).hasSize(2);
        assertThat(lcps).filteredOn(c -> c.formFactor().equals("mobile")).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(MetricComparison.Outcome.REGRESSED);
            assertThat(c.baselineMedian()).isEqualTo(2005);
            assertThat(c.message()).contains(URL + " (mobile)");
        });
        assertThat(lcps).filteredOn(c -> c.formFactor().equals("desktop")).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(MetricComparison.Outcome.WITHIN_TOLERANCE);
            assertThat(c.baselineMedian()).isEqualTo(1002.5);
        });
    }

    private static List<LighthouseRun> runs(double... lcps) {
        List<LighthouseRun> runs = new ArrayList<>();
        for (double lcp : lcps) {
            runs.add(run(lcp, 96));
        }
        return runs;
    }

    private static LighthouseRun run(double lcp, double performance) {
        return run(lcp, performance, "mobile");
    }

    private static LighthouseRun run(double lcp, double performance, String formFactor) {
        return new LighthouseRun(URL, formFactor, "12.8.0", Map.of("performance", performance),
                Map.of("largest-contentful-paint", lcp), Map.of(), List.of());
    }
}

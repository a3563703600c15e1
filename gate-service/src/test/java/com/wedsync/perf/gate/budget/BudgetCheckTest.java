package com.wedsync.perf.gate.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.gate.input.BundleSize;
import com.wedsync.perf.gate.input.LoadTestSummary;
import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Budgets of REQUIREMENTS.md against Lighthouse runs, bundles and a load test. */
class BudgetCheckTest {

    private static final Budget PRODUCTION = Budget.defaults("production");
    private static final List<BundleSize> WITHIN = List.of(new BundleSize("dist/main.4f1c.js", 190 * 1024),
            new BundleSize("dist/vendor.88aa.js", 280 * 1024), new BundleSize("dist/forms.1b2c.js", 100 * 1024));
    private static final LoadTestSummary FAST = new LoadTestSummary(OptionalDouble.of(320), OptionalDouble.empty(),
            OptionalDouble.of(0.001), OptionalDouble.of(5000));

    @Test
    void shouldPassABuildWithinEveryBudget() {
        assertThat(BudgetCheck.check(PRODUCTION, runs(96, 99, 95, 1800), WITHIN, FAST)).isEmpty();
    }

    @Test
    void shouldFailABundleTwoHundredKibOverAndNameIt() {
        List<BundleSize> heavy = List.of(new BundleSize("dist/main.4f1c.js", 400 * 1024),
                new BundleSize("dist/vendor.88aa.js", 280 * 1024));
        List<Violation> violations = BudgetCheck.check(PRODUCTION, runs(96, 99, 95, 1800), heavy, FAST);
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).where()).isEqualTo("main");
        assertThat(violations.get(0).message()).contains("dist/main.4f1c.js").contains("200.0 KiB over");
    }

    @Test
    void shouldJudgeTheMedianRunUnlessToldOtherwise() {
        List<LighthouseRun> oneBadRun = List.of(run(96, 1800), run(88, 2600), run(97, 1700));
        assertThat(BudgetCheck.check(PRODUCTION, oneBadRun, WITHIN, FAST)).as("median 96 / 1800 ms").isEmpty();
        Budget pessimistic = new Budget(PRODUCTION.minScores(), PRODUCTION.maxAudits(), PRODUCTION.bundles(),
                PRODUCTION.maxTotalBundleKib(), PRODUCTION.maxLoadP95Ms(), PRODUCTION.maxLoadErrorRate(),
                Aggregation.PESSIMISTIC, 0.05);
        assertThat(BudgetCheck.check(pessimistic, oneBadRun, WITHIN, FAST)).extracting(Violation::metric)
                .containsExactlyInAnyOrder("performance", "largest-contentful-paint");
    }

    @Test
    void shouldHoldProductionToTheStricterProfile() {
        List<LighthouseRun> good = runs(92, 97, 96, 2300);
        assertThat(BudgetCheck.check(Budget.defaults("staging"), good, WITHIN, FAST)).isEmpty();
        assertThat(BudgetCheck.check(PRODUCTION, good, WITHIN, FAST)).extracting(Violation::metric)
                .containsExactlyInAnyOrder("performance", "accessibility", "largest-contentful-paint");
    }

    @Test
    void shouldFailASlowOrFailingLoadTest() {
        LoadTestSummary slow = new LoadTestSummary(OptionalDouble.of(910), OptionalDouble.empty(), OptionalDouble.of(0.03),
                OptionalDouble.empty());
        assertThat(BudgetCheck.check(PRODUCTION, runs(96, 99, 99, 1800), WITHIN, slow)).extracting(Violation::metric)
                .containsExactly("http_req_duration p(95)", "http_req_failed");
    }

    private static List<LighthouseRun> runs(double performance, double accessibility, double bestPractices, double lcp) {
        return List.of(run(performance, accessibility, bestPractices, lcp), run(performance, accessibility, bestPractices, lcp),
                run(performance, accessibility, bestPractices, lcp));
    }

    private static LighthouseRun run(double performance, double lcp) {
        return run(performance, 99, 95, lcp);
    }

    private static LighthouseRun run(double performance, double accessibility, double bestPractices, double lcp) {
        return new LighthouseRun("https://app.wedsync.example/guests", "12.8.0",
                Map.of("performance", performance, "accessibility", accessibility, "best-practices", bestPractices),
                Map.of("largest-contentful-paint", lcp, "cumulative-layout-shift", 0.01), Map.of());
    }
}

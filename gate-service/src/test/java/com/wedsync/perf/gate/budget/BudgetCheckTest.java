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
                Aggregation.PESSIMISTIC, 0.05, List.of());
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

    @Test
    void shouldJudgeMobileAndDesktopRunsOfOneUrlApart() {
        List<LighthouseRun> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(run("https://app.wedsync.example/guests", "mobile", 86 + i % 2));
            runs.add(run("https://app.wedsync.example/guests", "desktop", 97 - i % 2));
        }

        List<Violation> violations = BudgetCheck.check(Budget.defaults("staging"), runs, WITHIN, FAST);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.where()).isEqualTo("https://app.wedsync.example/guests (mobile)");
            assertThat(v.message()).isEqualTo("performance score 86 on https://app.wedsync.example/guests (mobile) is below 90");
        });
    }

    @Test
    void shouldHoldEachPageToItsMostSpecificPageBudget() {
        Budget staging = Budget.defaults("staging");
        Budget withPages = new Budget(staging.minScores(), staging.maxAudits(), staging.bundles(), staging.maxTotalBundleKib(),
                staging.maxLoadP95Ms(), staging.maxLoadErrorRate(), staging.aggregation(), staging.regressionTolerance(),
                List.of(new PageBudget("/photos/*", null, Map.of("performance", 80.0), Map.of()),
                        new PageBudget("/photos/gallery*", "mobile", Map.of("performance", 85.0), Map.of()),
                        new PageBudget("/photos/gallery*", "desktop", Map.of("performance", 95.0), Map.of())));
        List<LighthouseRun> runs = List.of(
                run("https://app.wedsync.example/photos/gallery?album=7", "mobile", 88),
                run("https://app.wedsync.example/photos/gallery/2", "desktop", 93),
                run("https://app.wedsync.example/photos/upload", "mobile", 82),
                run("https://app.wedsync.example/dashboard", "mobile", 88));

        List<Violation> violations = BudgetCheck.check(withPages, runs, WITHIN, FAST);

        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "performance score 93 on https://app.wedsync.example/photos/gallery/2 (desktop) is below 95 (page budget /photos/gallery* desktop)",
                "performance score 88 on https://app.wedsync.example/dashboard (mobile) is below 90");
    }

    @Test
    void shouldRefuseAPageBudgetThatCannotBeApplied() {
        Budget staging = Budget.defaults("staging");
        java.util.function.Function<PageBudget, Budget> with = page -> new Budget(staging.minScores(), staging.maxAudits(),
                staging.bundles(), staging.maxTotalBundleKib(), staging.maxLoadP95Ms(), staging.maxLoadErrorRate(),
                staging.aggregation(), staging.regressionTolerance(), List.of(page));

        assertThat(with.apply(new PageBudget("photos*", null, Map.of(), Map.of())).problem()).get().asString().contains("starting with '/'");
        assertThat(with.apply(new PageBudget("/photos*", "tablet", Map.of(), Map.of())).problem()).get().asString().contains("mobile, desktop");
        assertThat(with.apply(new PageBudget("/photos*", null, Map.of("performance", 120.0), Map.of())).problem()).get().asString().contains("0–100");
        assertThat(with.apply(new PageBudget("/photos*", "desktop", Map.of("performance", 85.0), null)).problem()).isEmpty();
    }

    @Test
    void shouldReadTheExampleBudgetFileWithItsPageBudgets() throws java.io.IOException {
        Budget example = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                java.nio.file.Path.of("../deploy/ci/perf-budget.example.json").toFile(), Budget.class);

        assertThat(example.problem()).isEmpty();
        assertThat(example.minScores("https://app.wedsync.example/photos/gallery/9", "mobile")).containsEntry("performance", 85.0)
                .containsEntry("accessibility", 98.0);
        assertThat(example.maxAudits("https://app.wedsync.example/weddings/w-1/timeline", "desktop"))
                .containsEntry("total-blocking-time", 150.0).containsEntry("largest-contentful-paint", 2000.0);
        assertThat(example.minScores("https://app.wedsync.example/photos/gallery", "desktop")).containsEntry("performance", 95.0);
    }

    private static LighthouseRun run(String url, String formFactor, double performance) {
        return new LighthouseRun(url, formFactor, "12.8.0",
                Map.of("performance", performance, "accessibility", 99.0, "best-practices", 95.0),
                Map.of("largest-contentful-paint", 1800.0), Map.of(), List.of());
    }

    private static List<LighthouseRun> runs(double performance, double accessibility, double bestPractices, double lcp) {
        return List.of(run(performance, accessibility, bestPractices, lcp), run(performance, accessibility, bestPractices, lcp),
                run(performance, accessibility, bestPractices, lcp));
    }

    private static LighthouseRun run(double performance, double lcp) {
        return run(performance, 99, 95, lcp);
    }

    private static LighthouseRun run(double performance, double accessibility, double bestPractices, double lcp) {
        return new LighthouseRun("https://app.wedsync.example/guests", "mobile", "12.8.0",
                Map.of("performance", performance, "accessibility", accessibility, "best-practices", bestPractices),
                Map.of("largest-contentful-paint", lcp, "cumulative-layout-shift", 0.01), Map.of(), List.of());
    }
}

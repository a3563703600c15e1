package com.wedsync.perf.gate.budget;

import com.wedsync.perf.gate.input.BundleSize;
import com.wedsync.perf.gate.input.LoadTestSummary;
import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a build's measurements against its budget; every broken limit is one {@link Violation}. Lighthouse runs are
 * judged per page and form factor (5 mobile and 5 desktop runs of a URL are two verdicts), each against the limits of
 * the most specific page budget that matches it, the environment's otherwise.
 */
public final class BudgetCheck {

    private BudgetCheck() {
    }

    public static List<Violation> check(Budget budget, List<LighthouseRun> runs, List<BundleSize> bundles,
                                        LoadTestSummary loadTest) {
        List<Violation> violations = new ArrayList<>();
        Map<String, List<LighthouseRun>> byPage = runs.stream()
                .collect(Collectors.groupingBy(LighthouseRun::page, LinkedHashMap::new, Collectors.toList()));
        byPage.forEach((page, pageRuns) -> {
            String url = pageRuns.get(0).url();
            String formFactor = pageRuns.get(0).formFactor();
            String whose = budget.pageBudget(url, formFactor).map(p -> " (page budget " + p.describe() + ")").orElse("");
            budget.minScores(url, formFactor).forEach((category, min) -> figure(pageRuns, r -> r.scores().get(category), budget, true)
                    .filter(score -> score < min)
                    .ifPresent(score -> violations.add(new Violation(category, page, score, min, String.format(Locale.ROOT,
                            "%s score %.0f on %s is below %.0f%s", category, score, page, min, whose)))));
            budget.maxAudits(url, formFactor).forEach((audit, max) -> figure(pageRuns, r -> r.audits().get(audit), budget, false)
                    .filter(value -> value > max)
                    .ifPresent(value -> violations.add(new Violation(audit, page, value, max, String.format(Locale.ROOT,
                            "%s %s on %s is over %s%s", audit, format(value), page, format(max), whose)))));
        });
        for (BundleBudget group : budget.bundles()) {
            double kib = bundles.stream().filter(b -> group.matches(b.name())).mapToLong(BundleSize::bytes).sum() / 1024.0;
            if (kib > group.maxKib()) {
                String files = bundles.stream().filter(b -> group.matches(b.name())).map(BundleSize::name)
                        .collect(Collectors.joining(", "));
                violations.add(new Violation("bundle", group.name(), kib, group.maxKib(), String.format(Locale.ROOT,
                        "bundle '%s' (%s) is %.1f KiB, %.1f KiB over its %.0f KiB budget", group.name(), files, kib,
                        kib - group.maxKib(), group.maxKib())));
            }
        }
        double totalKib = bundles.stream().mapToLong(BundleSize::bytes).sum() / 1024.0;
        if (budget.maxTotalBundleKib() != null && totalKib > budget.maxTotalBundleKib()) {
            violations.add(new Violation("bundle", "total", totalKib, budget.maxTotalBundleKib(), String.format(Locale.ROOT,
                    "all bundles together are %.1f KiB, over the %.0f KiB budget", totalKib, budget.maxTotalBundleKib())));
        }
        if (loadTest != null) {
            loadTest.p95Ms().ifPresent(p95 -> {
                if (budget.maxLoadP95Ms() != null && p95 > budget.maxLoadP95Ms()) {
                    violations.add(new Violation("http_req_duration p(95)", "load test", p95, budget.maxLoadP95Ms(),
                            String.format(Locale.ROOT, "load test p95 %.0f ms is over %.0f ms", p95, budget.maxLoadP95Ms())));
                }
            });
            loadTest.errorRate().ifPresent(rate -> {
                if (budget.maxLoadErrorRate() != null && rate > budget.maxLoadErrorRate()) {
                    violations.add(new Violation("http_req_failed", "load test", rate, budget.maxLoadErrorRate(),
                            String.format(Locale.ROOT, "load test error rate %.2f%% is over %.2f%%", rate * 100,
                                    budget.maxLoadErrorRate() * 100)));
                }
            });
        }
        return violations;
    }

    private static java.util.Optional<Double> figure(List<LighthouseRun> runs, Function<LighthouseRun, Double> metric,
                                                     Budget budget, boolean higherIsBetter) {
        double[] values = runs.stream().map(metric).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(budget.aggregation().of(values, higherIsBetter));
    }

    private static String format(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.3f", value) : String.format(Locale.ROOT, "%.0f ms", value);
    }
}

package com.wedsync.perf.gate.regression;

import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import com.wedsync.perf.model.stats.Median;
import com.wedsync.perf.model.stats.MannWhitney;
import com.wedsync.perf.model.stats.RankTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a build's Lighthouse runs with its baseline's, page by page (a URL as one form factor): a metric regresses when its median is worse than
 * the baseline's by more than the tolerance <em>and</em> a one-sided Mann-Whitney U test says the runs differ beyond
 * noise (p ≤ {@value #ALPHA}). Worse but not significant is a warning, so a noisy run does not block a deployment.
 */
public final class RegressionCheck {

    public static final double ALPHA = 0.05;

    /** Metrics compared, and whether a higher value is better. */
    static final Map<String, Boolean> METRICS = Map.of(
            "performance", true, "largest-contentful-paint", false, "total-blocking-time", false,
            "cumulative-layout-shift", false, "first-contentful-paint", false, "speed-index", false,
            "interactive", false, "total-byte-weight", false);

    private RegressionCheck() {
    }

    public static List<MetricComparison> compare(List<LighthouseRun> candidate, List<LighthouseRun> baseline,
                                                 double tolerance) {
        Map<String, List<LighthouseRun>> baselineByPage = baseline.stream().collect(Collectors.groupingBy(LighthouseRun::page));
        Map<String, List<LighthouseRun>> candidateByPage = candidate.stream().collect(Collectors.groupingBy(LighthouseRun::page));
        List<MetricComparison> comparisons = new ArrayList<>();
        candidateByPage.keySet().stream().sorted().filter(baselineByPage::containsKey).forEach(page ->
                METRICS.keySet().stream().sorted().forEach(metric -> {
                    Function<LighthouseRun, Double> read = run -> metric.equals("performance")
                            ? run.scores().get(metric) : run.audits().get(metric);
                    List<LighthouseRun> pageRuns = candidateByPage.get(page);
                    double[] now = values(pageRuns, read);
                    double[] before = values(baselineByPage.get(page), read);
                    if (now.length > 0 && before.length > 0) {
                        comparisons.add(compare(pageRuns.get(0).url(), pageRuns.get(0).formFactor(), metric, now, before,
                                METRICS.get(metric), tolerance));
                    }
                }));
        return comparisons;
    }

    static MetricComparison compare(String url, String formFactor, String metric, double[] now, double[] before,
                                    boolean higherIsBetter, double tolerance) {
        double nowMedian = Median.of(now);
        double beforeMedian = Median.of(before);
        double worseBy = beforeMedian == 0 ? 0 : (higherIsBetter ? beforeMedian - nowMedian : nowMedian - beforeMedian)
                / Math.abs(beforeMedian);
        RankTest test = higherIsBetter ? MannWhitney.candidateLarger(negate(now), negate(before))
                : MannWhitney.candidateLarger(now, before);
        String figures = String.format(Locale.ROOT, "%s on %s: %s → %s (%+.1f%%, p = %.3f, %d vs %d runs, Mann-Whitney U %s)",
                metric, LighthouseRun.page(url, formFactor), format(beforeMedian), format(nowMedian), worseBy * 100, test.pValue(), now.length,
                before.length, test.method());
        MetricComparison.Outcome outcome;
        String message;
        if (worseBy <= tolerance) {
            outcome = MetricComparison.Outcome.WITHIN_TOLERANCE;
            message = figures;
        } else if (test.isSignificant(ALPHA)) {
            outcome = MetricComparison.Outcome.REGRESSED;
            message = "regressed: " + figures;
        } else {
            outcome = MetricComparison.Outcome.NOT_SIGNIFICANT;
            message = "worse but within run-to-run noise: " + figures + (test.smallestPossiblePValue() > ALPHA
                    ? String.format(Locale.ROOT, "; %d vs %d runs can never reach p ≤ %.2f, send more runs", now.length,
                    before.length, ALPHA) : "");
        }
        return new MetricComparison(url, formFactor, metric, beforeMedian, nowMedian, worseBy, test.pValue(), test.method(), outcome, message);
    }

    private static double[] values(List<LighthouseRun> runs, Function<LighthouseRun, Double> read) {
        return runs.stream().map(read).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] negate(double[] values) {
        return Arrays.stream(values).map(v -> -v).toArray();
    }

    private static String format(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.3f", value) : String.format(Locale.ROOT, "%.0f", value);
    }
}

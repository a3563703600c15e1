package com.wedsync.perf.gate.budget;

import java.util.List;
import java.util.Map;

/**
 * A project's performance budget for one environment: minimum Lighthouse scores (0–100), maximum audit values (ms,
 * or unitless for layout shift), bundle sizes, load-test limits, how runs are aggregated and how much worse than the
 * baseline a metric may get.
 */
public record Budget(Map<String, Double> minScores, Map<String, Double> maxAudits, List<BundleBudget> bundles,
                     Double maxTotalBundleKib, Double maxLoadP95Ms, Double maxLoadErrorRate, Aggregation aggregation,
                     double regressionTolerance) {

    /** REQUIREMENTS.md: strict in production (performance 95, accessibility 98, LCP < 2 s, CLS < 0.05), base elsewhere. */
    public static Budget defaults(String environment) {
        boolean production = "production".equals(environment);
        Map<String, Double> scores = production
                ? Map.of("performance", 95.0, "accessibility", 98.0, "best-practices", 90.0)
                : Map.of("performance", 90.0, "accessibility", 95.0, "best-practices", 90.0);
        Map<String, Double> audits = production
                ? Map.of("largest-contentful-paint", 2000.0, "cumulative-layout-shift", 0.05)
                : Map.of();
        return new Budget(scores, audits, List.of(
                new BundleBudget("main", "main*.js", 200),
                new BundleBudget("vendor", "vendor*.js", 300),
                new BundleBudget("forms", "forms*.js", 150),
                new BundleBudget("dashboard", "dashboard*.js", 180)),
                800.0, 500.0, 0.01, Aggregation.MEDIAN, 0.05);
    }
}

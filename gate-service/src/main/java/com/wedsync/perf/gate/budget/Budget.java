package com.wedsync.perf.gate.budget;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A project's performance budget for one environment: minimum Lighthouse scores (0–100), maximum audit values (ms,
 * or unitless for layout shift), bundle sizes, load-test limits, how runs are aggregated and how much worse than the
 * baseline a metric may get; {@code pages} set other scores and limits for some URL patterns and form factors.
 */
public record Budget(Map<String, Double> minScores, Map<String, Double> maxAudits, List<BundleBudget> bundles,
                     Double maxTotalBundleKib, Double maxLoadP95Ms, Double maxLoadErrorRate, Aggregation aggregation,
                     double regressionTolerance, List<PageBudget> pages) {

    /** Enough for every page family of a large app; the most specific matching one applies to a run. */
    public static final int MAX_PAGE_BUDGETS = 100;

    public Budget {
        // Budgets stored before page budgets existed have none.
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** What is wrong with a budget someone sent, for a 400; empty when it can be used. */
    public Optional<String> problem() {
        if (minScores == null || maxAudits == null || bundles == null || aggregation == null || !(regressionTolerance >= 0)) {
            return Optional.of("a budget needs minScores, maxAudits, bundles, aggregation and regressionTolerance "
                    + "(GET /v1/projects/{id}/budgets/{environment} for the shape)");
        }
        if (pages.size() > MAX_PAGE_BUDGETS) {
            return Optional.of("at most " + MAX_PAGE_BUDGETS + " page budgets, not " + pages.size());
        }
        return pages.stream().map(PageBudget::problem).flatMap(Optional::stream).findFirst();
    }

    /** The page budget that applies to a run of {@code url} as {@code formFactor}: the most specific that matches. */
    public Optional<PageBudget> pageBudget(String url, String formFactor) {
        return pages.stream().filter(page -> page.matches(url, formFactor))
                .max(Comparator.comparingInt(PageBudget::specificity));
    }

    /** The minimum scores for a run of that page: the environment's, with what its page budget sets instead. */
    public Map<String, Double> minScores(String url, String formFactor) {
        return overlay(minScores, pageBudget(url, formFactor).map(PageBudget::minScores).orElse(Map.of()));
    }

    /** The audit limits for a run of that page, likewise. */
    public Map<String, Double> maxAudits(String url, String formFactor) {
        return overlay(maxAudits, pageBudget(url, formFactor).map(PageBudget::maxAudits).orElse(Map.of()));
    }

    private static Map<String, Double> overlay(Map<String, Double> environment, Map<String, Double> page) {
        Map<String, Double> limits = new TreeMap<>(environment);
        limits.putAll(page);
        return limits;
    }

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
                800.0, 500.0, 0.01, Aggregation.MEDIAN, 0.05, List.of());
    }
}

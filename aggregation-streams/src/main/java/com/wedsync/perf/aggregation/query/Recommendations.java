package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.vitals.Metric;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers each busy route's evidence from every instance (its INP, LCP, FCP and CLS distributions, its JavaScript
 * bytes, the causes of its INP, LCP, TTFB and large resources) and this instance's copy of the route's newest
 * Lighthouse findings, and asks {@link AdviceRules}; the largest estimated gain first.
 */
@ApplicationScoped
public class Recommendations {

    /** The busiest routes (INP and LCP samples) that are examined; each costs four diagnosis lookups. */
    static final int MAX_ROUTES = 20;

    private static final Comparator<Recommendation> BY_GAIN = Comparator
            .comparingDouble(Recommendation::poorAvoidedPerDay).reversed()
            .thenComparing(Comparator.comparingDouble(Recommendation::experiencesPerDay).reversed());

    private final TrendService trends;
    private final LabFindingsStore labFindings;

    public Recommendations(TrendService trends, LabFindingsStore labFindings) {
        this.trends = trends;
        this.labFindings = labFindings;
    }

    RecommendationsView pages(String tenant, Instant from, Instant to, String window, String authorization) {
        Map<Metric, Map<String, RouteTotals>> field = new EnumMap<>(Metric.class);
        for (Metric metric : List.of(Metric.INP, Metric.LCP, Metric.FCP, Metric.CLS, Metric.SCRIPT_BYTES)) {
            field.put(metric, RouteTotals.byRoute(trends.routePartials(tenant, metric, from, to, authorization)));
        }
        Map<String, LabFindings> lab = labFindings.ofTenant(tenant);
        List<String> routes = routesToExamine(field, lab);
        double days = Duration.between(from, to).toMillis() / (double) Duration.ofDays(1).toMillis();
        List<Recommendation> advice = new ArrayList<>();
        for (String route : routes) {
            Map<Metric, QuantileSketch> distributions = new EnumMap<>(Metric.class);
            field.forEach((metric, byRoute) -> {
                if (byRoute.containsKey(route)) {
                    distributions.put(metric, byRoute.get(route).sketch());
                }
            });
            PageEvidence page = new PageEvidence(route, days, poor(field.get(Metric.INP).get(route)),
                    poor(field.get(Metric.LCP).get(route)), distributions.get(Metric.SCRIPT_BYTES),
                    diagnosis(tenant, route, Metric.INP, from, to, window, authorization),
                    diagnosis(tenant, route, Metric.LCP, from, to, window, authorization),
                    diagnosis(tenant, route, Metric.TTFB, from, to, window, authorization),
                    diagnosis(tenant, route, Metric.LARGE_RESOURCE, from, to, window, authorization),
                    distributions, lab.get(route));
            advice.addAll(AdviceRules.advise(page));
        }
        advice.sort(BY_GAIN);
        return new RecommendationsView(tenant, from, to, routes.size(), List.copyOf(advice));
    }

    /**
     * The busiest routes by INP, LCP and JavaScript samples, then routes the lab has findings for but real users did
     * not visit in the window (their advice gains nothing yet, but is still worth knowing), {@link #MAX_ROUTES} in all.
     */
    private static List<String> routesToExamine(Map<Metric, Map<String, RouteTotals>> field, Map<String, LabFindings> lab) {
        Map<String, Long> traffic = new LinkedHashMap<>();
        for (Metric metric : List.of(Metric.INP, Metric.LCP, Metric.SCRIPT_BYTES)) {
            field.get(metric).forEach((route, totals) -> traffic.merge(route, totals.count(), Long::sum));
        }
        lab.keySet().forEach(route -> traffic.merge(route, 0L, Long::sum));
        return traffic.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_ROUTES).map(Map.Entry::getKey).toList();
    }

    private DiagnosisView diagnosis(String tenant, String route, Metric metric, Instant from, Instant to, String window,
                                    String authorization) {
        return trends.diagnosis(new SeriesKey(tenant, Source.RUM, route, metric.name(), TrendKey.ALL), from, to, window,
                authorization);
    }

    private static long poor(RouteTotals totals) {
        return totals == null ? 0 : totals.poor();
    }
}

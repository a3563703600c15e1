package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.vitals.Metric;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers each busy route's evidence from every instance (its INP and LCP totals, its JavaScript bytes, the causes of
 * its INP, LCP, TTFB and large resources) and asks {@link AdviceRules}; the largest estimated gain first.
 */
@ApplicationScoped
public class Recommendations {

    /** The busiest routes (INP and LCP samples) that are examined; each costs four diagnosis lookups. */
    static final int MAX_ROUTES = 20;

    private static final Comparator<Recommendation> BY_GAIN = Comparator
            .comparingDouble(Recommendation::poorAvoidedPerDay).reversed()
            .thenComparing(Comparator.comparingDouble(Recommendation::experiencesPerDay).reversed());

    private final TrendService trends;

    public Recommendations(TrendService trends) {
        this.trends = trends;
    }

    RecommendationsView pages(String tenant, Instant from, Instant to, String window, String authorization) {
        Map<String, RouteTotals> inp = RouteTotals.byRoute(trends.routePartials(tenant, Metric.INP, from, to, authorization));
        Map<String, RouteTotals> lcp = RouteTotals.byRoute(trends.routePartials(tenant, Metric.LCP, from, to, authorization));
        Map<String, RouteTotals> scripts = RouteTotals.byRoute(
                trends.routePartials(tenant, Metric.SCRIPT_BYTES, from, to, authorization));
        Map<String, Long> traffic = new LinkedHashMap<>();
        for (Map<String, RouteTotals> metric : List.of(inp, lcp, scripts)) {
            metric.forEach((route, totals) -> traffic.merge(route, totals.count(), Long::sum));
        }
        List<String> routes = traffic.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_ROUTES).map(Map.Entry::getKey).toList();
        double days = Duration.between(from, to).toMillis() / (double) Duration.ofDays(1).toMillis();
        List<Recommendation> advice = new ArrayList<>();
        for (String route : routes) {
            PageEvidence page = new PageEvidence(route, days, poor(inp.get(route)), poor(lcp.get(route)),
                    scripts.containsKey(route) ? scripts.get(route).sketch() : null,
                    diagnosis(tenant, route, Metric.INP, from, to, window, authorization),
                    diagnosis(tenant, route, Metric.LCP, from, to, window, authorization),
                    diagnosis(tenant, route, Metric.TTFB, from, to, window, authorization),
                    diagnosis(tenant, route, Metric.LARGE_RESOURCE, from, to, window, authorization));
            advice.addAll(AdviceRules.advise(page));
        }
        advice.sort(BY_GAIN);
        return new RecommendationsView(tenant, from, to, routes.size(), List.copyOf(advice));
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

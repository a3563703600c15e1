package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Thresholds;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks a tenant's routes by opportunity: the share of the tenant's not-good experiences each route accounts for.
 * A busy page that is merely "needs improvement" can matter more than a rarely visited poor one; this says which.
 */
final class PageRanking {

    private PageRanking() {
    }

    static List<PageView> rank(Metric metric, List<RoutePartial> partials) {
        Map<String, RouteTotals> routes = RouteTotals.byRoute(partials);
        long traffic = routes.values().stream().mapToLong(RouteTotals::count).sum();
        long notGood = routes.values().stream().mapToLong(m -> m.needsImprovement() + m.poor()).sum();
        Thresholds thresholds = metric.thresholds().orElseThrow(() ->
                new IllegalArgumentException(metric + " has no public thresholds to rank pages by"));
        return routes.entrySet().stream()
                .filter(e -> e.getValue().count() > 0)
                .map(e -> view(e.getKey(), e.getValue(), traffic, notGood, thresholds))
                .sorted(Comparator.comparingDouble(PageView::opportunity).reversed()
                        .thenComparing(Comparator.comparingLong(PageView::traffic).reversed()))
                .toList();
    }

    private static PageView view(String route, RouteTotals totals, long traffic, long notGood, Thresholds thresholds) {
        long rated = totals.good() + totals.needsImprovement() + totals.poor();
        double p75 = totals.sketch().quantile(0.75);
        return new PageView(route, totals.count(), TrendPointView.share(totals.count(), traffic), p75,
                thresholds.rate(p75), TrendPointView.share(totals.good(), rated),
                TrendPointView.share(totals.needsImprovement(), rated), TrendPointView.share(totals.poor(), rated),
                TrendPointView.share(totals.needsImprovement() + totals.poor(), notGood),
                Math.max(0, p75 - thresholds.good()));
    }
}

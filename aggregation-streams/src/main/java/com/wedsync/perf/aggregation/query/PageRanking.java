package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Thresholds;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
        Map<String, Merged> routes = new LinkedHashMap<>();
        for (RoutePartial partial : partials) {
            routes.computeIfAbsent(partial.route(), route -> new Merged()).add(partial);
        }
        long traffic = routes.values().stream().mapToLong(m -> m.sketch.count()).sum();
        long notGood = routes.values().stream().mapToLong(m -> m.needsImprovement + m.poor).sum();
        Thresholds thresholds = metric.thresholds().orElseThrow(() ->
                new IllegalArgumentException(metric + " has no public thresholds to rank pages by"));
        return routes.entrySet().stream()
                .filter(e -> e.getValue().sketch.count() > 0)
                .map(e -> e.getValue().view(e.getKey(), traffic, notGood, thresholds))
                .sorted(Comparator.comparingDouble(PageView::opportunity).reversed()
                        .thenComparing(Comparator.comparingLong(PageView::traffic).reversed()))
                .toList();
    }

    private static final class Merged {
        private QuantileSketch sketch = new QuantileSketch();
        private boolean empty = true;
        private long good;
        private long needsImprovement;
        private long poor;

        void add(RoutePartial partial) {
            QuantileSketch part = SketchCodec.decode(partial.sketch());
            if (empty) {
                sketch = part;
                empty = false;
            } else {
                sketch.merge(part);
            }
            good += partial.good();
            needsImprovement += partial.needsImprovement();
            poor += partial.poor();
        }

        PageView view(String route, long traffic, long notGood, Thresholds thresholds) {
            long rated = good + needsImprovement + poor;
            double p75 = sketch.quantile(0.75);
            return new PageView(route, sketch.count(), TrendPointView.share(sketch.count(), traffic), p75,
                    thresholds.rate(p75), TrendPointView.share(good, rated), TrendPointView.share(needsImprovement, rated),
                    TrendPointView.share(poor, rated), TrendPointView.share(needsImprovement + poor, notGood),
                    Math.max(0, p75 - thresholds.good()));
        }
    }
}

package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One route's metric over a window, merged from every instance's {@link RoutePartial}s: exact counts, one sketch. */
final class RouteTotals {

    private QuantileSketch sketch = new QuantileSketch();
    private boolean empty = true;
    private long good;
    private long needsImprovement;
    private long poor;

    /** The partials merged per route, in the order routes first appear. */
    static Map<String, RouteTotals> byRoute(List<RoutePartial> partials) {
        Map<String, RouteTotals> routes = new LinkedHashMap<>();
        for (RoutePartial partial : partials) {
            routes.computeIfAbsent(partial.route(), route -> new RouteTotals()).add(partial);
        }
        return routes;
    }

    private void add(RoutePartial partial) {
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

    QuantileSketch sketch() {
        return sketch;
    }

    long count() {
        return sketch.count();
    }

    long good() {
        return good;
    }

    long needsImprovement() {
        return needsImprovement;
    }

    long poor() {
        return poor;
    }
}

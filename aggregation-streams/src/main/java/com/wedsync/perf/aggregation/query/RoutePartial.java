package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.aggregation.window.SeriesAggregate;

/** What one instance knows of one route over the pages window: mergeable, so instances' parts add up exactly. */
public record RoutePartial(String route, String sketch, long good, long needsImprovement, long poor) {

    static RoutePartial of(String route, SeriesAggregate aggregate) {
        return new RoutePartial(route, SketchCodec.encode(aggregate.sketch()), aggregate.good(),
                aggregate.needsImprovement(), aggregate.poor());
    }
}

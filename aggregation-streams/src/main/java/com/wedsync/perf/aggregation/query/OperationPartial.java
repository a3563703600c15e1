package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.window.SeriesAggregate;
import com.wedsync.perf.model.sketch.SketchCodec;

/** What one instance knows of one tenant's operation over a window: mergeable, so instances' parts add up exactly. */
public record OperationPartial(String tenant, String operation, String sketch, long errors) {

    static OperationPartial of(String tenant, String operation, SeriesAggregate aggregate) {
        return new OperationPartial(tenant, operation, SketchCodec.encode(aggregate.sketch()), aggregate.errors());
    }
}

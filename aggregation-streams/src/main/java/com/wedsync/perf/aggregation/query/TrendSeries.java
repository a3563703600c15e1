package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.event.Source;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of GET /v1/trends: which series, at what resolution and range, and its closed windows in time order. */
public record TrendSeries(String tenant, Source source, String route, String metric, String device, String resolution,
                          Instant from, Instant to, double relativeAccuracy,
                          @Schema(type = SchemaType.ARRAY, implementation = TrendPointView.class) RenderedPoints points) {
}

package com.wedsync.perf.aggregation.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;

/**
 * The points of an answer as JSON already rendered, one text per point: written into the response as they are, so
 * a day-long series that 50 dashboards ask for is turned into JSON once per {@link RecentPoints#FRESHNESS}, not once
 * per request.
 */
@JsonSerialize(using = RenderedPoints.Writer.class)
public record RenderedPoints(List<String> json) {

    public int size() {
        return json.size();
    }

    static final class Writer extends StdSerializer<RenderedPoints> {

        Writer() {
            super(RenderedPoints.class);
        }

        @Override
        public void serialize(RenderedPoints points, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartArray(points, points.size());
            for (String point : points.json()) {
                out.writeRawValue(point);
            }
            out.writeEndArray();
        }
    }
}

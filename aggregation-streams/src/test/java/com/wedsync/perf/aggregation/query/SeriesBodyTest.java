package com.wedsync.perf.aggregation.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wrapped body reads exactly as Jackson would have written the whole series. */
class SeriesBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void shouldReadAsTheSeriesJacksonWouldWrite() throws Exception {
        Instant at = Instant.parse("2026-06-13T14:00:00Z");
        List<String> points = List.of(point(at, 1800), point(at.plusSeconds(60), 2100.5));
        TrendSeries series = new TrendSeries("studio-aurora", Source.RUM, "/clients/:id/forms", "LCP", "MOBILE", "1m",
                at, at.plusSeconds(120), 0.01, RenderedPoints.of(points));

        JsonNode wrapped = JSON.readTree(SeriesBody.of(JSON.writerFor(SeriesBody.Head.class), series).getBytes());
        JsonNode whole = JSON.readTree(JSON.writeValueAsBytes(series));

        assertThat(wrapped).isEqualTo(whole);
        assertThat(wrapped.path("points")).hasSize(2);
        assertThat(wrapped.path("points").get(1).path("p75").asDouble()).isEqualTo(2100.5);
    }

    private static String point(Instant at, double p75) throws Exception {
        return JSON.writeValueAsString(TrendPointView.of(new TrendPoint("studio-aurora", Source.RUM, "/clients/:id/forms",
                "LCP", "MOBILE", Resolution.MINUTE, at, at.plusSeconds(60), 20, 1500, p75, 3000, 3500, 900, 4000, 12, 6, 2,
                0, "AgAB", 0.01), false));
    }
}

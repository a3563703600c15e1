package com.wedsync.perf.gate.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Bundle sizes and k6 summaries in the formats the tools write. */
class InputParsersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadWebpackStatsSizeLimitAndPlainLists() throws IOException {
        assertThat(BundleParser.parse(JSON.readTree("{\"assets\":[{\"name\":\"main.3f2a.js\",\"size\":201234,"
                + "\"chunks\":[0],\"emitted\":true}],\"chunks\":[]}"), "bundles"))
                .containsExactly(new BundleSize("main.3f2a.js", 201234));
        assertThat(BundleParser.parse(JSON.readTree("[{\"name\":\"dist/vendor.js\",\"passed\":true,\"size\":299999}]"), "bundles"))
                .containsExactly(new BundleSize("dist/vendor.js", 299999));
        assertThat(BundleParser.parse(JSON.readTree("[{\"name\":\"forms.js\",\"size\":1.5e5}]"), "bundles"))
                .containsExactly(new BundleSize("forms.js", 150000));
    }

    @Test
    void shouldSayWhichBundleIsWrong() throws IOException {
        assertThatThrownBy(() -> BundleParser.parse(JSON.readTree("[{\"name\":\"a.js\",\"size\":1},{\"name\":\"b.js\"}]"), "bundles"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("bundles[1]").hasMessageContaining("'b.js'");
        assertThatThrownBy(() -> BundleParser.parse(JSON.readTree("{\"files\":{}}"), "bundles"))
                .hasMessageContaining("webpack stats");
    }

    @Test
    void shouldReadTheCurrentK6Summary() throws IOException {
        LoadTestSummary summary = K6SummaryParser.parse(JSON.readTree("{\"metrics\":{"
                + "\"http_req_duration\":{\"type\":\"trend\",\"contains\":\"time\",\"values\":{\"avg\":120.5,\"p(95)\":410.2,\"p(99)\":820.9}},"
                + "\"http_req_failed\":{\"type\":\"rate\",\"values\":{\"rate\":0.0125,\"passes\":25,\"fails\":1975}},"
                + "\"http_reqs\":{\"type\":\"counter\",\"values\":{\"count\":2000,\"rate\":66.6}}}}"), "loadTest");
        assertThat(summary.p95Ms()).hasValue(410.2);
        assertThat(summary.p99Ms()).hasValue(820.9);
        assertThat(summary.errorRate()).hasValue(0.0125);
        assertThat(summary.requests()).hasValue(2000);
    }

    @Test
    void shouldReadTheLegacyExportWithoutTrustingItsInvertedThresholds() throws IOException {
        LoadTestSummary summary = K6SummaryParser.parse(JSON.readTree("{\"metrics\":{"
                + "\"http_req_duration\":{\"avg\":120.5,\"p(95)\":910.0,\"thresholds\":{\"p(95)<500\":true}},"
                + "\"http_req_failed\":{\"value\":0.002,\"passes\":2,\"fails\":998,\"thresholds\":{\"rate<0.01\":false}}}}"), "loadTest");
        assertThat(summary.p95Ms()).as("910 ms: over a 500 ms budget although 'true' reads like a pass").hasValue(910.0);
        assertThat(summary.errorRate()).hasValue(0.002);
    }

    @Test
    void shouldRefuseASummaryWithoutTheMetricsTheGateNeeds() throws IOException {
        assertThatThrownBy(() -> K6SummaryParser.parse(JSON.readTree("{\"root_group\":{}}"), "loadTest"))
                .hasMessageContaining("not a k6 summary");
        assertThatThrownBy(() -> K6SummaryParser.parse(JSON.readTree("{\"metrics\":{\"vus\":{\"values\":{\"max\":10}}}}"), "loadTest"))
                .hasMessageContaining("p(95)");
    }
}

package com.wedsync.perf.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Rating;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./platform up as a user runs it, against the built jars: the demo tenant's key takes a web-vitals batch, the
 * metrics land on perf.rum.v1 rated and routed, and SIGTERM leaves no process behind.
 */
class PlatformIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldTakeADemoBeaconIntoKafkaAndStopCleanly() throws Exception {
        try (RunningPlatform platform = RunningPlatform.start("PlatformIT", dataDir)) {
            assertThat(platform.output()).contains("Ready in", "Demo tenant demo-studio");
            assertThat(platform.children()).as("broker, ingest-service, aggregation-streams").hasSizeGreaterThanOrEqualTo(3);
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(platform.env("AGGREGATION_URL") + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(platform.env("INGEST_URL") + "/v1/rum?key=" + platform.env("DEMO_INGEST_KEY")))
                    .header("Origin", platform.env("DEMO_ORIGIN")).header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"page": "http://localhost:5173/clients/8231/forms?token=abc", "device": "desktop",
                             "metrics": [{"name": "LCP", "value": 4600, "rating": "good", "id": "it-lcp"},
                                         {"name": "CLS", "value": 0.02, "id": "it-cls"}]}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

            List<RumMetric> metrics = RumTopic.read(platform.env("KAFKA_BOOTSTRAP_SERVERS"), platform.env("DEMO_TENANT"),
                    2, Duration.ofSeconds(30));
            assertThat(metrics).extracting(RumMetric::route).containsOnly("/clients/:id/forms");
            assertThat(metrics).filteredOn(m -> m.metric() == Metric.LCP).extracting(RumMetric::rating)
                    .containsExactly(Rating.POOR);

            assertThat(platform.stop()).as("stopped after SIGTERM").isTrue();
            assertThat(platform.envFile()).doesNotExist();
        }
    }
}

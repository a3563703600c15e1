package com.wedsync.perf.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.OwnClasspath;
import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.vitals.Metric;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the built service on one broker split the partitions between them; each answers for the keys
 * it owns and fetches the others' from their owner, so both give the same answer to every query.
 */
class TwoInstancesIT {

    private static final String OPS_TOKEN = "it-ops-token-0123456789abcdef0123456";
    private static final List<String> ROUTES = List.of("/guests", "/timeline", "/photos/:id", "/vendors", "/budget",
            "/seating", "/forms/:id", "/messages");

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldGiveTheSameAnswerFromEitherInstance() throws Exception {
        String applicationId = "it-aggregation-" + UUID.randomUUID().toString().substring(0, 8);
        int firstPort = freePort();
        int secondPort = freePort();
        Process first = start(applicationId, firstPort, "a");
        Process second = start(applicationId, secondPort, "b");
        try {
            String tenant = TestData.uniqueTenant("two-instances");
            Instant at = TestData.endOfLastMinute();
            List<RumMetric> metrics = new ArrayList<>();
            for (String route : ROUTES) {
                for (int i = 0; i < 20; i++) {
                    double inp = 100 + 10 * i + route.length();
                    metrics.add(RumMetric.of(tenant, route, Metric.INP, inp, DeviceClass.DESKTOP, null, null, route + i,
                            null, at, Attribution.kept("INP", "button.save", "pointer", null, null, null, null, null, null,
                                    Map.of("inputDelay", 10.0, "processingDuration", inp - 20, "presentationDelay", 10.0))));
                }
            }
            awaitReady(firstPort);
            awaitReady(secondPort);
            TestData.send(metrics);

            java.util.Set<String> owners = new java.util.HashSet<>();
            for (String route : ROUTES) {
                String query = "/v1/trends?tenant=" + tenant + "&metric=INP&device=desktop&route=" + route
                        + "&from=" + at.minusSeconds(3600) + "&to=" + at.plusSeconds(3600);
                String answer = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .until(() -> get(firstPort, query), body -> body.contains("\"count\":20"));
                assertThat(get(secondPort, query)).as(route).isEqualTo(answer);
                owners.add(owner(firstPort, query));
            }
            assertThat(owners).as("each instance owns some of the series")
                    .containsExactlyInAnyOrder("127.0.0.1:" + firstPort, "127.0.0.1:" + secondPort);
            String pages = "/v1/trends/pages?tenant=" + tenant + "&metric=INP&window=3h";
            String ranking = get(firstPort, pages);
            assertThat(ranking).contains(ROUTES.toArray(String[]::new));
            assertThat(get(secondPort, pages)).isEqualTo(ranking);
            // Advice gathers every route's causes from the instance that owns each: the same list from either.
            String advice = "/v1/recommendations/pages?tenant=" + tenant + "&window=3h";
            String recommendations = get(firstPort, advice);
            assertThat(recommendations.split("\"rule\":\"inp-long-handler\"", -1)).as(recommendations)
                    .hasSize(ROUTES.size() + 1);
            assertThat(get(secondPort, advice)).isEqualTo(recommendations);
        } finally {
            first.destroy();
            second.destroy();
            first.waitFor();
            second.waitFor();
        }
    }

    private Process start(String applicationId, int port, String name) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(OwnClasspath.javaExecutable(), "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(stateDir.resolve(name + ".log").toFile());
        builder.environment().putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", LocalStack.shared().bootstrapServers(),
                "AGGREGATION_PORT", Integer.toString(port),
                "AGGREGATION_APPLICATION_ID", applicationId,
                "AGGREGATION_STATE_DIR", stateDir.resolve(name).toString(),
                "AGGREGATION_GRACE", "1s",
                "PERF_OPS_TOKEN", OPS_TOKEN));
        return builder.start();
    }

    private void awaitReady(int port) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private String get(int port, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + OPS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body().replaceAll("\"(from|to)\":\"[^\"]*\",", "");
    }

    private String owner(int port, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                        .header("Authorization", "Bearer " + OPS_TOKEN).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("X-Trend-Owner").orElse("none");
    }

    private static int freePort() {
        return com.wedsync.perf.localstack.FreePorts.any("an aggregation instance");
    }
}

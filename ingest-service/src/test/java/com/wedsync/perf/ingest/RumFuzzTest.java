package com.wedsync.perf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Thousands of generated bodies: no 5xx, the service keeps answering, and only what it accepted reaches Kafka. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RumFuzzTest {

    private static final int BODIES = 3000;
    private static final long SEED = 20260613L;

    @TestHTTPResource("/v1/rum")
    URI rum;

    @Test
    void shouldNeverAnswer5xxAndPublishExactlyWhatItAccepted() throws Exception {
        TestTenants.Registered tenant = TestTenants.register("fuzz");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        FuzzBodies bodies = new FuzzBodies(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        int accepted = 0;

        try (TopicReader<RouteKey, RumMetric> topic = TopicReader.fromNow(Topics.RUM)) {
            for (int i = 0; i < BODIES; i++) {
                FuzzBodies.Body body = bodies.next();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(rum + "?key=" + tenant.key()))
                        .header("Origin", TestTenants.ORIGIN).header("Content-Type", body.contentType())
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    serverErrors.add(body.kind() + " -> " + response.statusCode() + " " + response.body());
                }
                JsonNode answer = json.readTree(response.body());
                assertThat(answer.isObject()).as("every answer is JSON: %s", response.body()).isTrue();
                if (response.statusCode() == 202) {
                    accepted += answer.get("accepted").asInt();
                } else {
                    assertThat(answer.get("error").asText()).isNotBlank();
                }
            }
            System.out.printf("fuzz: %d bodies, statuses %s, %d metrics accepted%n", BODIES, statuses, accepted);

            assertThat(serverErrors).isEmpty();
            assertThat(statuses.keySet()).contains(202, 400);
            int expected = accepted;
            topic.awaitRecords(r -> RumEndpointTest.ofTenant(r, tenant).size() >= expected, Duration.ofSeconds(30));
            List<RumMetric> published = topic.drain(Duration.ofSeconds(1)).stream()
                    .map(r -> r.value()).filter(m -> m.tenant().equals(tenant.id())).toList();
            assertThat(published).hasSize(accepted);
            assertThat(published).allSatisfy(m -> assertThat(m.metric().isPlausible(m.value())).isTrue());
        }
    }
}

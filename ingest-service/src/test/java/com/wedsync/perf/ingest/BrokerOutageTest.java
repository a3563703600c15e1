package com.wedsync.perf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.localstack.LocalStack;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A 2xx means durable: with the broker stopped the endpoint answers 503 + Retry-After within the publish timeout,
 * recovers by itself when the broker is back, and every metric acknowledged before, during (after the client's
 * retry) and after the outage is on the topic exactly once.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class BrokerOutageTest {

    private static final Duration ANSWER_BOUND = Duration.ofMillis(3000);

    @TestHTTPResource("/v1/rum")
    URI rum;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldAnswer503WhileKafkaIsAwayAndLoseOrDuplicateNothingAcknowledged() throws Exception {
        TestTenants.Registered tenant = TestTenants.register("outage");
        LocalStack stack = LocalStack.shared();
        List<String> acknowledged = new ArrayList<>();
        List<String> refusedDuringOutage = new ArrayList<>();

        try (TopicReader<RouteKey, RumMetric> topic = TopicReader.fromNow(Topics.RUM)) {
            for (int i = 0; i < 10; i++) {
                assertThat(send(tenant, "before-" + i).statusCode()).isEqualTo(202);
                acknowledged.add("before-" + i);
            }

            stack.stopBroker();
            try {
                for (int i = 0; i < 5; i++) {
                    Instant sent = Instant.now();
                    HttpResponse<String> response = send(tenant, "during-" + i);
                    Duration took = Duration.between(sent, Instant.now());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    assertThat(took).as("answered within the bound, not hanging").isLessThan(ANSWER_BOUND);
                    refusedDuringOutage.add("during-" + i);
                }
            } finally {
                stack.startBroker();
            }

            for (String id : refusedDuringOutage) {
                sendUntilAccepted(tenant, id);
                acknowledged.add(id);
            }
            for (int i = 0; i < 10; i++) {
                sendUntilAccepted(tenant, "after-" + i);
                acknowledged.add("after-" + i);
            }

            topic.awaitRecords(r -> RumEndpointTest.ofTenant(r, tenant).size() >= acknowledged.size(),
                    Duration.ofSeconds(60));
            Map<String, Long> copies = RumEndpointTest.ofTenant(topic.drain(Duration.ofSeconds(3)), tenant).stream()
                    .collect(Collectors.groupingBy(RumMetric::metricId, Collectors.counting()));
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(copies.values()).as("each acknowledged metric exactly once").allMatch(count -> count == 1);
        }
    }

    private void sendUntilAccepted(TestTenants.Registered tenant, String id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        HttpResponse<String> response = send(tenant, id);
        while (response.statusCode() == 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")) * 1000);
            response = send(tenant, id);
        }
        assertThat(response.statusCode()).as("recovered by itself: %s", response.body()).isEqualTo(202);
    }

    private HttpResponse<String> send(TestTenants.Registered tenant, String id) throws Exception {
        String body = "{\"name\": \"LCP\", \"value\": 1500, \"id\": \"" + id + "\", \"navigationURL\": \"/outage\"}";
        return client.send(HttpRequest.newBuilder(URI.create(rum + "?key=" + tenant.key()))
                .header("Origin", TestTenants.ORIGIN).header("Content-Type", "text/plain;charset=UTF-8")
                .timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

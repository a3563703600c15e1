package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.route.RouteNormalizer;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Requests anyone (or any tenant's page) can send: what they leave behind stays bounded. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class HostileRequestsTest {

    private static final int BATCH = 100;

    @Inject
    RejectionLog rejections;

    @Test
    void shouldCountRefusalsOfRandomPathsUnderTheirEndpointNotTheirPath() {
        int before = rejections.classes();
        for (int i = 0; i < 300; i++) {
            given().contentType(ContentType.JSON).body("{}").put("/v1/weddings/{id}", UUID.randomUUID().toString())
                    .then().statusCode(401);
        }
        assertThat(rejections.classes() - before).as("one class: WeddingResource's method and 'unauthorized'")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void shouldCountABatchForTheMetricsItHolds() {
        TestTenants.Registered tenant = TestTenants.registerWithLimits("batches",
                "{\"rumPerMinutePerIp\": 1000, \"rumMetricsPerMinutePerIp\": 150}");
        send(tenant, batch(0, "/batch")).then().statusCode(202);
        send(tenant, batch(1, "/batch")).then().statusCode(429).body("error", equalTo("rate_limited"));
    }

    /**
     * 100,000 metrics, each on a route of its own, from one tenant: at most its day's 1,000 routes reach the topic,
     * everything else counts under /:other, and the tenant sees it in its usage.
     */
    @Test
    void shouldBoundTheRoutesATenantOpensADay() throws Exception {
        TestTenants.Registered tenant = TestTenants.registerWithLimits("routes",
                "{\"rumPerMinutePerIp\": 1000000, \"rumMetricsPerMinutePerIp\": 100000000}");
        int beacons = Integer.getInteger("hostile.route-beacons", 1000);
        try (TopicReader<RouteKey, RumMetric> topic = TopicReader.fromNow(Topics.RUM)) {
            for (int b = 0; b < beacons; b++) {
                send(tenant, batch(b, null)).then().statusCode(202);
            }
            JsonPath usage = given().header("Authorization", TestTenants.OPS)
                    .get("/v1/tenants/{id}/usage", tenant.id()).then().statusCode(200).extract().jsonPath();
            assertThat(usage.getInt("routes")).isEqualTo(1000);
            assertThat(usage.getLong("routeMetricsOverflowed")).isEqualTo((long) beacons * BATCH - 1000);

            Set<String> routes = RumEndpointTest.ofTenant(topic.awaitRecords(records -> RumEndpointTest.ofTenant(records,
                    tenant).size() >= beacons * BATCH, Duration.ofSeconds(120)), tenant).stream()
                    .map(RumMetric::route).collect(Collectors.toSet());
            assertThat(routes).hasSize(1001).contains(RouteNormalizer.OVERFLOW);
        }
    }

    /** A beacon of {@value #BATCH} LCP items; each on its own route of letters (no digits: not an id) unless given. */
    private static String batch(int beacon, String route) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            String url = route != null ? route : "/hostile/" + letters(beacon * BATCH + i);
            body.append(i == 0 ? "" : ",").append("{\"name\":\"LCP\",\"value\":1500,\"id\":\"v-").append(beacon).append('-')
                    .append(i).append("\",\"navigationURL\":\"").append(url).append("\"}");
        }
        return body.append(']').toString();
    }

    private static String letters(int n) {
        StringBuilder word = new StringBuilder("p");
        do {
            word.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return word.toString();
    }

    private static io.restassured.response.Response send(TestTenants.Registered tenant, String body) {
        return given().header("Origin", TestTenants.ORIGIN).contentType("text/plain;charset=UTF-8").body(body)
                .post("/v1/rum?key=" + tenant.key());
    }
}

package com.wedsync.perf.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.vitals.Metric;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/compare over the real broker: a 50/50 experiment whose arm B has a 15 % higher LCP median is {@code worse}
 * on the route where it runs, with its evidence; identical arms on another route are {@code no difference}; a thin
 * route is {@code not enough data}; releases of a back end compare per operation; other tenants see nothing.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class CompareApiTest {

    private static final String TENANT = TestData.uniqueTenant("cmp-a");
    private static final String OTHER = TestData.uniqueTenant("cmp-b");
    private static final String GALLERY = "/photos/gallery";
    private static final String GUESTS = "/weddings/:id/guests";
    private static final String SEATING = "/weddings/:id/seating";
    private static String tenantToken;
    private static String otherToken;

    @BeforeAll
    static void runTheExperimentForAMinute() {
        tenantToken = "Bearer " + TestData.tenantWithReadToken(TENANT);
        otherToken = "Bearer " + TestData.tenantWithReadToken(OTHER);
        Instant at = Instant.now();
        Random random = new Random(2112);
        List<RumMetric> metrics = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            boolean armB = i % 2 == 1;
            String variant = armB ? "gallery-v2:B" : "gallery-v2:A";
            double scale = armB ? 1.15 : 1.0;
            metrics.add(lcp(GALLERY, 2500 * scale * Math.exp(0.5 * random.nextGaussian()), "g-" + i, variant, at));
            metrics.add(lcp(GUESTS, 1800 * Math.exp(0.5 * random.nextGaussian()), "u-" + i, variant, at));
            if (i < 60) {
                metrics.add(lcp(SEATING, armB ? 6000 : 2000, "s-" + i, variant, at));
            }
        }
        TestData.send(metrics);
        List<ServerTiming> timings = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String release = i % 2 == 0 ? "2026.12.1" : "2026.12.2";
            double slower = i % 2 == 0 ? 1.0 : 1.3;
            timings.add(new ServerTiming(TENANT, "guest_list_access", GUESTS, 120 * slower * Math.exp(0.4 * random.nextGaussian()),
                    200, false, null, at, release, null));
        }
        TestData.sendTimings(timings);
    }

    @Test
    void shouldCallTheSlowerArmWorseWithItsEvidence() {
        JsonPath answer = awaitComparison("metric=LCP&a=gallery-v2:A&b=gallery-v2:B&window=1h");
        assertThat(answer.getString("verdict")).isEqualTo("worse");
        assertThat(answer.getString("correction")).startsWith("Holm");
        List<Map<String, Object>> cells = answer.getList("cells");
        assertThat(cells).extracting(c -> c.get("route") + " " + c.get("verdict")).containsExactlyInAnyOrder(
                GALLERY + " worse", GUESTS + " no difference", SEATING + " not enough data");
        Map<String, Object> gallery = cells.stream().filter(c -> GALLERY.equals(c.get("route"))).findFirst().orElseThrow();
        assertThat(gallery.get("device")).isEqualTo("MOBILE");
        assertThat(((Number) ((Map<?, ?>) gallery.get("a")).get("count")).longValue()).isEqualTo(600);
        assertThat(((Number) ((Map<?, ?>) gallery.get("b")).get("count")).longValue()).isEqualTo(600);
        double relative = ((Number) gallery.get("relativeDifference")).doubleValue();
        assertThat(relative).isBetween(0.05, 0.30);
        assertThat(((Number) gallery.get("adjustedP")).doubleValue()).isLessThan(0.05);
        assertThat(((Number) gallery.get("differenceLower")).doubleValue()).isGreaterThan(0);
        double p75a = ((Number) ((Map<?, ?>) gallery.get("a")).get("p75")).doubleValue();
        assertThat(((Number) ((Map<?, ?>) gallery.get("a")).get("lower")).doubleValue()).isLessThan(p75a);
        assertThat(((Number) ((Map<?, ?>) gallery.get("a")).get("upper")).doubleValue()).isGreaterThan(p75a);
        assertThat(((Number) gallery.get("overlapMinutes")).longValue()).isEqualTo(1);

        given().header("Authorization", tenantToken)
                .get("/v1/compare?tenant=" + TENANT + "&metric=LCP&a=gallery-v2:A&b=gallery-v2:B&window=1h&route=" + GUESTS)
                .then().statusCode(200).body("verdict", equalTo("no difference")).body("cells.size()", equalTo(1));
        given().header("Authorization", tenantToken)
                .get("/v1/compare?tenant=" + TENANT + "&metric=LCP&a=gallery-v2:B&b=gallery-v2:A&window=1h&route=" + GALLERY)
                .then().statusCode(200).body("verdict", equalTo("better"));
    }

    @Test
    void shouldCompareTwoReleasesOfABackEndPerOperation() {
        JsonPath answer = awaitComparison("source=server&metric=guest_list_access&a=2026.12.1&b=2026.12.2&window=1h");
        assertThat(answer.getString("verdict")).isEqualTo("worse");
        assertThat(answer.getLong("cells[0].a.count")).isEqualTo(200);
        assertThat(answer.getDouble("cells[0].relativeDifference")).isBetween(0.15, 0.45);
    }

    @Test
    void shouldShowOtherTenantsNothingAndAnswerBadQueriesWithJsonErrors() {
        awaitComparison("metric=LCP&a=gallery-v2:A&b=gallery-v2:B&window=1h");
        String query = "/v1/compare?tenant=" + TENANT + "&metric=LCP&a=gallery-v2:A&b=gallery-v2:B&window=1h";
        given().header("Authorization", otherToken).get(query).then().statusCode(404);
        given().get(query).then().statusCode(401);
        given().header("Authorization", otherToken)
                .get("/v1/compare?tenant=" + OTHER + "&metric=LCP&a=gallery-v2:A&b=gallery-v2:B&window=1h")
                .then().statusCode(200).body("verdict", equalTo("not enough data")).body("cells.size()", equalTo(0));
        given().header("Authorization", tenantToken).get(query.replace("&b=gallery-v2:B", ""))
                .then().statusCode(400).body("error", equalTo("missing_b"));
        given().header("Authorization", tenantToken).get(query.replace("gallery-v2:B", "gallery-v2:A"))
                .then().statusCode(400).body("error", equalTo("invalid_arms"));
        given().header("Authorization", tenantToken).get(query.replace("gallery-v2:B", "a:b:c"))
                .then().statusCode(400).body("error", equalTo("invalid_arm"));
        given().header("Authorization", tenantToken).get(query + "&minSamples=1")
                .then().statusCode(400).body("error", equalTo("invalid_min_samples"));
        given().header("Authorization", tenantToken).get(query + "&device=fridge")
                .then().statusCode(400).body("error", equalTo("invalid_device"));
    }

    private static JsonPath awaitComparison(String query) {
        // A 503 (stores not queryable yet, right after start) is an answer to wait past, not a failure.
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            io.restassured.response.Response answer = given().header("Authorization", tenantToken)
                    .get("/v1/compare?tenant=" + TENANT + "&" + query);
            return answer.statusCode() == 200 ? answer.jsonPath() : null;
        }, json -> json != null && json.getList("cells").stream()
                .anyMatch(c -> ((Map<?, ?>) c).get("verdict") != null && !"not enough data".equals(((Map<?, ?>) c).get("verdict"))));
    }

    private static RumMetric lcp(String route, double value, String id, String variant, Instant at) {
        return RumMetric.of(TENANT, route, Metric.LCP, value, DeviceClass.MOBILE, "4g", "navigate", id, "2026.12.1", at)
                .withVariant(variant);
    }
}

package com.wedsync.perf.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.vitals.Metric;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Metrics on perf.rum.v1 become queryable points once their minute closes; tokens see only their tenant. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TrendApiTest {

    private static final String TENANT = TestData.uniqueTenant("trend-a");
    private static final String OTHER = TestData.uniqueTenant("trend-b");
    private static String tenantToken;
    private static String otherToken;
    private static Instant minute;

    @BeforeAll
    static void sendAMinuteOfMetrics() {
        tenantToken = "Bearer " + TestData.tenantWithReadToken(TENANT);
        otherToken = "Bearer " + TestData.tenantWithReadToken(OTHER);
        // Now, not the minute before: in an application other test classes ran in, the minute before may be closed.
        Instant at = Instant.now();
        minute = at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        List<RumMetric> metrics = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            metrics.add(RumMetric.of(TENANT, "/guests", Metric.LCP, 3000 + i * 20, DeviceClass.MOBILE, null, null,
                    "g-" + i, null, at));
            metrics.add(RumMetric.of(TENANT, "/timeline", Metric.LCP, 1000 + i, DeviceClass.MOBILE, null, null,
                    "t-" + i, null, at));
        }
        metrics.add(RumMetric.of(OTHER, "/guests", Metric.LCP, 9000, DeviceClass.MOBILE, null, null, "o-1", null, at));
        TestData.send(metrics);
    }

    @Test
    void shouldServeTheClosedMinuteWithPercentilesAndShares() {
        JsonPath series = awaitPoints("/guests", "mobile");
        assertThat(series.getLong("points[0].count")).isEqualTo(100);
        assertThat(series.getString("points[0].windowStart")).isEqualTo(minute.toString());
        assertThat(series.getDouble("points[0].p50")).as("the 50th of 100 values, within 1%").isCloseTo(4000.0, withinPercentage(1));
        assertThat(series.getDouble("points[0].min")).isEqualTo(3020.0);
        assertThat(series.getDouble("points[0].max")).isEqualTo(5000.0);
        assertThat(series.getDouble("points[0].poorShare")).isEqualTo(0.5);
        assertThat(series.getString("points[0].sketch")).as("sketch only on request").isNull();
        assertThat(series.getDouble("relativeAccuracy")).isEqualTo(0.01);
    }

    @Test
    void shouldRankPagesByOpportunity() {
        awaitPoints("/guests", "mobile");
        given().header("Authorization", tenantToken)
                .when().get("/v1/trends/pages?tenant=" + TENANT + "&metric=LCP&window=2h")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].route", equalTo("/guests"))
                .body("[0].rating", equalTo("POOR"))
                .body("[0].opportunity", equalTo(1.0f))
                .body("[1].route", equalTo("/timeline"))
                .body("[1].rating", equalTo("GOOD"))
                .body("[1].traffic", equalTo(100));
    }

    @Test
    void shouldHideOtherTenantsAndRefuseUnknownTokens() {
        awaitPoints("/guests", "mobile");
        given().header("Authorization", otherToken).when().get(trendsUrl("/guests", "mobile"))
                .then().statusCode(404).body("error", equalTo("not_found"));
        given().header("Authorization", tenantToken).when().get(trendsUrl("/guests", "mobile"))
                .then().statusCode(200).body("points", hasSize(1));
        given().when().get(trendsUrl("/guests", "mobile")).then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer rt_not_a_token").when().get(trendsUrl("/guests", "mobile"))
                .then().statusCode(401);
        given().header("Authorization", tenantToken).when().get("/v1/interference")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
        given().header("Authorization", TestData.OPS).when().get("/v1/interference").then().statusCode(200);
    }

    @Test
    void shouldAnswerBadQueriesWithJsonErrors() {
        given().header("Authorization", TestData.OPS).when().get("/v1/trends?tenant=" + TENANT + "&metric=LCP&resolution=5m")
                .then().statusCode(400).body("error", equalTo("invalid_resolution"));
        given().header("Authorization", TestData.OPS).when().get("/v1/trends?tenant=" + TENANT + "&metric=SPEED")
                .then().statusCode(400).body("error", equalTo("invalid_metric"));
        given().header("Authorization", TestData.OPS).when().get("/v1/trends?metric=LCP")
                .then().statusCode(400).body("error", equalTo("missing_tenant"));
        given().header("Authorization", TestData.OPS)
                .when().get("/v1/trends?tenant=" + TENANT + "&metric=LCP&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z")
                .then().statusCode(400).body("error", equalTo("range_too_large"));
        given().header("Authorization", TestData.OPS).when().get("/v1/trends/pages?tenant=" + TENANT + "&metric=LCP&window=forever")
                .then().statusCode(400).body("error", equalTo("invalid_window"));
    }

    private static JsonPath awaitPoints(String route, String device) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().header("Authorization", TestData.OPS).when().get(trendsUrl(route, device))
                        .then().extract().jsonPath(), json -> json.getList("points") != null && !json.getList("points").isEmpty());
    }

    private static String trendsUrl(String route, String device) {
        return "/v1/trends?tenant=" + TENANT + "&metric=LCP&route=" + route + "&device=" + device
                + "&from=" + minute.minusSeconds(600) + "&to=" + minute.plusSeconds(600);
    }
}

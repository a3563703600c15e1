package com.wedsync.perf.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/weddings/{id}/slo over the real broker: a wedding today, its timeline syncs counted exactly against the
 * 100 ms objective, for its tenant only.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class WeddingSloApiTest {

    @Test
    void shouldAnswerEachOperationsAttainmentExactlyAndOnlyToItsTenant() {
        String tenant = TestData.uniqueTenant("slo-a");
        String other = TestData.uniqueTenant("slo-b");
        String token = "Bearer " + TestData.tenantWithReadToken(tenant);
        String otherToken = "Bearer " + TestData.tenantWithReadToken(other);
        Instant now = Instant.now();
        TestData.sendWedding(new WeddingSchedule("w-7", tenant, now.plus(Duration.ofHours(2)), "Europe/Paris", 300, 9,
                WeddingStatus.SCHEDULED, now));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);

        Random random = new Random(7);
        List<ServerTiming> timings = new ArrayList<>();
        long good = 0;
        long within = 0;
        for (int i = 0; i < 400; i++) {
            double ms = 30 + random.nextDouble() * 110;
            boolean error = i % 100 == 0;
            good += ms <= 100 && !error ? 1 : 0;
            within += ms <= 100 ? 1 : 0;
            timings.add(new ServerTiming(tenant, "timeline_sync", null, ms, error ? 503 : 200, error, "w-7", now));
        }
        TestData.sendTimings(timings);

        JsonPath slo = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                .header("Authorization", token).get("/v1/weddings/w-7/slo?tenant=" + tenant).then().extract().jsonPath(),
                json -> json.getList("operations") != null && !json.getList("operations").isEmpty()
                        && json.getLong("operations[0].requests") == 400);
        assertThat(slo.getString("operations[0].operation")).isEqualTo("timeline_sync");
        assertThat(slo.getDouble("operations[0].objective.latencyMs")).isEqualTo(100.0);
        assertThat(slo.getLong("operations[0].good")).isEqualTo(good);
        assertThat(slo.getDouble("operations[0].attainment")).isCloseTo(good / 400.0, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(slo.getLong("operations[0].errors")).isEqualTo(4);
        assertThat(slo.getDouble("operations[0].errorBudgetSpent")).as("1% errors of a 0.1% allowance").isEqualTo(10.0);
        assertThat(slo.getList("operations[0].minutes")).hasSize(1);
        assertThat(slo.getDouble("operations[0].minutes[0].burnRate"))
                .isCloseTo((400 - good) / 400.0 / 0.05, org.assertj.core.data.Offset.offset(0.0001));

        given().header("Authorization", otherToken).get("/v1/weddings/w-7/slo?tenant=" + tenant).then().statusCode(404);
        String ceremonyDay = now.plus(Duration.ofHours(2)).atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate().toString();
        given().header("Authorization", token).get("/v1/weddings?tenant=" + tenant + "&date=" + ceremonyDay).then().statusCode(200)
                .body("weddingId", org.hamcrest.Matchers.contains("w-7")).body("[0].guestCount", equalTo(300));
        given().header("Authorization", token).get("/v1/weddings?tenant=" + tenant + "&date=1999-01-01").then().statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", token).get("/v1/weddings?tenant=" + tenant + "&date=tomorrow").then().statusCode(400)
                .body("error", equalTo("invalid_date"));
        given().header("Authorization", otherToken).get("/v1/weddings?tenant=" + tenant).then().statusCode(404);
        given().header("Authorization", otherToken).get("/v1/weddings/w-7/slo?tenant=" + other).then().statusCode(404)
                .body("error", equalTo("not_found"));
        given().header("Authorization", token).get("/v1/weddings/w-7/slo").then().statusCode(400)
                .body("error", equalTo("missing_tenant"));
        given().get("/v1/weddings/w-7/slo?tenant=" + tenant).then().statusCode(401);

        // The tenant's objectives over the day, from the closed minute's sketch: within its 1% accuracy.
        JsonPath day = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                .header("Authorization", token).get("/v1/slo?tenant=" + tenant + "&window=2h").then().statusCode(200)
                .extract().jsonPath(), json -> !json.getList("objectives").isEmpty());
        assertThat(day.getString("objectives[0].operation")).isEqualTo("timeline_sync");
        assertThat(day.getLong("objectives[0].requests")).isEqualTo(400);
        assertThat(day.getLong("objectives[0].errors")).isEqualTo(4);
        assertThat(day.getDouble("objectives[0].latencyAttainment"))
                .isCloseTo(within / 400.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(day.getDouble("objectives[0].errorBudgetLeft")).as("1% errors: nine budgets overspent").isEqualTo(-9.0);
        JsonPath platform = given().header("Authorization", TestData.OPS).get("/v1/slo?window=2h").then().statusCode(200)
                .extract().jsonPath();
        assertThat(platform.getString("tenant")).isEqualTo("*");
        assertThat(platform.getList("objectives.operation")).contains("timeline_sync");
        given().header("Authorization", token).get("/v1/slo").then().statusCode(403).body("error", equalTo("ops_only"));
        given().header("Authorization", otherToken).get("/v1/slo?tenant=" + tenant).then().statusCode(404);
    }
}

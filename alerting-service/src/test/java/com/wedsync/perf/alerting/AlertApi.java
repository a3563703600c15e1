package com.wedsync.perf.alerting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The alerting API as the tests drive it, with the ops token. */
final class AlertApi {

    private AlertApi() {
    }

    static void slackFor(String tenant, String url) {
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON)
                .body(Map.of("slackWebhookUrl", url))
                .put("/v1/tenants/{id}/notifications", tenant).then().statusCode(200);
    }

    /** Replaces the tenant's overrides; returns the rules now in force. */
    static JsonPath rules(String tenant, Map<String, Object> overrides) {
        return given().header("Authorization", TestData.OPS).contentType(ContentType.JSON).body(overrides)
                .put("/v1/tenants/{id}/rules", tenant).then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> alerts(String tenant) {
        return given().header("Authorization", TestData.OPS).queryParam("tenant", tenant)
                .get("/v1/alerts").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until the tenant's newest alert satisfies {@code condition}; returns it. */
    static Map<String, Object> awaitAlert(String tenant, Predicate<Map<String, Object>> condition) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> alerts(tenant).stream().findFirst().orElse(null), a -> a != null && condition.test(a));
    }

    static JsonPath detail(Object id) {
        return given().header("Authorization", TestData.OPS).get("/v1/alerts/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }
}

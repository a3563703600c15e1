package com.wedsync.perf.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The console: its page, script and Chart.js, and /api/ passed on to a real HTTP upstream on 127.0.0.1. */
@QuarkusTest
@WithTestResource(RecordingUpstream.class)
class ConsoleTest {

    @Test
    void shouldServeThePageItsScriptAndChartJs() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("/vendor/chart.umd.js"), containsString("/app.js"));
        given().get("/app.js").then().statusCode(200).body(containsString("async function api("));
        given().get("/vendor/chart.umd.js").then().statusCode(200).body(containsString("Chart.js"));
        given().get("/etc/passwd").then().statusCode(404);
    }

    @Test
    void shouldPassApiCallsToTheirServiceWithMethodBodyTokenAndStatus() {
        RecordingUpstream.SEEN.clear();
        given().header("Authorization", "Bearer rt_demo").contentType("application/json").body("{\"note\":\"console\"}")
                .post("/api/alerting/v1/alerts/a-1/ack?x=1")
                .then().statusCode(409).body(equalTo("{\"error\":\"conflict\"}"));
        assertThat(RecordingUpstream.SEEN).containsExactly("POST /v1/alerts/a-1/ack?x=1 Bearer rt_demo {\"note\":\"console\"}");

        given().get("/api/nowhere/v1/x").then().statusCode(404).body("error", equalTo("unknown_service"));
        given().get("/api/gate/v1/gates/history").then().statusCode(502)
                .body("error", equalTo("upstream_unavailable"), "detail", containsString("gate"));
    }

    @Test
    void shouldAnswerHealthMetricsAndOpenApiLikeEveryService() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/{service}"));
    }
}

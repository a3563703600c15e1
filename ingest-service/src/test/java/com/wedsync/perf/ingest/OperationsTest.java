package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class OperationsTest {

    @Test
    void shouldBeReadyOnlyWithKafkaAndTheTenantsLoaded() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready")
                        .then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItems("tenants", "Kafka connection health check")));
    }

    @Test
    void shouldCountAcceptedAndRejectedItemsByReason() {
        TestTenants.Registered tenant = TestTenants.register("metrics");
        given().queryParam("key", tenant.key()).header("Origin", TestTenants.ORIGIN)
                .body("{\"page\": \"/\", \"metrics\": [{\"name\": \"LCP\", \"value\": 900}, {\"name\": \"NOPE\", \"value\": 1}]}")
                .when().post("/v1/rum").then().statusCode(202);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("ingest_items_accepted_total{kind=\"rum\"}"))
                .body(containsString("ingest_items_rejected_total{kind=\"rum\",reason=\"unknown_metric\"}"))
                .body(containsString("ingest_publish_latency_seconds"));
    }

    @Test
    void shouldDescribeItsApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/v1/rum'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1/server-timings'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1/weddings/{id}'.put", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1/admin/tenants/{id}'.put", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldAnswerUnknownPathsWithJson() {
        given().when().get("/v1/nothing-here")
                .then().statusCode(404).body("error", equalTo("not_found"));
    }
}

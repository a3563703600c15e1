package com.wedsync.perf.alerting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every change lands in the audit log with who made it; ops reads all of it, a tenant its own, secrets never. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
class AuditTest {

    private static final String SLACK = "https://hooks.slack.com/services/T0/B0/audit-secret-part";

    @Test
    void shouldAuditChangesWithTheirActorAndShowEachTenantOnlyItsOwn() {
        String tenant = TestData.uniqueTenant("audited");
        String other = TestData.uniqueTenant("other");
        com.wedsync.perf.localstack.access.TenantFixture.Tokens tokens = TestData.tenantWithTokens(tenant);
        String token = tokens.write();
        String otherToken = TestData.tenantWithTokens(other).write();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", otherToken)
                .get("/v1/silences").statusCode() == 200);

        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON).body(Map.of("slackWebhookUrl", SLACK))
                .put("/v1/tenants/{id}/notifications", tenant).then().statusCode(200);
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("forSeconds", 120))
                .put("/v1/tenants/{id}/rules", tenant).then().statusCode(200);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("minutes", 30, "comment", "photo upload maintenance")).post("/v1/silences").then().statusCode(201);
        given().header("Authorization", otherToken).contentType(ContentType.JSON).body(Map.of("forSeconds", 60))
                .put("/v1/tenants/{id}/rules", other).then().statusCode(200);

        JsonPath asOps = given().header("Authorization", TestData.OPS).get("/v1/audit?tenant=" + tenant)
                .then().statusCode(200).extract().jsonPath();
        assertThat(asOps.getList("action", String.class)).containsExactly("create_silence", "set_rules", "set_notifications");
        assertThat(asOps.getList("actor", String.class)).as("the acting token's name")
                .containsExactly(tenant + "/writer", tenant + "/writer", "ops");
        assertThat(asOps.getString("find { it.action == 'set_rules' }.after")).contains("120");
        assertThat(asOps.getString("find { it.action == 'set_notifications' }.after")).contains("\"slackWebhook\":true");
        assertThat(asOps.prettify()).as("secrets never enter the log").doesNotContain("audit-secret-part", "hooks.slack.com");
        assertThat(given().header("Authorization", TestData.OPS).get("/v1/audit?action=set_rules&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("tenant", String.class)).contains(tenant, other);

        JsonPath asTenant = given().header("Authorization", tokens.admin()).get("/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(asTenant.getList("tenant", String.class)).hasSize(3).containsOnly(tenant);
        given().header("Authorization", tokens.admin()).get("/v1/audit?tenant=" + other).then().statusCode(404);
        given().header("Authorization", token).get("/v1/audit").then().statusCode(403);
        given().get("/v1/audit").then().statusCode(401);
    }

    @Test
    void shouldKeepIngestsTenantChangesFromTheAuditTopicOnceEachAndShowThemToTheTenantsAdmin() {
        String tenant = TestData.uniqueTenant("ingest-audited");
        com.wedsync.perf.localstack.access.TenantFixture.Tokens tokens = TestData.tenantWithTokens(tenant);
        com.wedsync.perf.model.event.AuditEvent issued = new com.wedsync.perf.model.event.AuditEvent(
                java.util.UUID.randomUUID().toString(), "ingest-service", java.time.Instant.now(), tenant + "/admin", tenant,
                "issue_token", "deploy-bot", "[]", "[{\"name\":\"deploy-bot\",\"scope\":\"write\"}]");

        TestData.audit(issued);
        TestData.audit(issued);

        JsonPath asOps = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", TestData.OPS)
                .get("/v1/audit?service=ingest-service&tenant=" + tenant).then().statusCode(200).extract().jsonPath(),
                found -> !found.getList("$").isEmpty());
        assertThat(asOps.getList("action", String.class)).as("a replayed record is stored once").containsExactly("issue_token");
        assertThat(asOps.getString("[0].actor")).isEqualTo(tenant + "/admin");
        assertThat(asOps.getString("[0].service")).isEqualTo("ingest-service");
        assertThat(given().header("Authorization", tokens.admin()).get("/v1/audit?service=ingest-service").then()
                .statusCode(200).extract().jsonPath().getList("subject", String.class)).containsExactly("deploy-bot");
        assertThat(given().header("Authorization", TestData.OPS).get("/v1/audit?service=alerting-service&tenant=" + tenant)
                .then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
    }
}

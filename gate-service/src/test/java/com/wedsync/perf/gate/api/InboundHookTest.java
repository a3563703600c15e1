package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.service.auth.WebhookSignature;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deployments reported by signed inbound webhooks: the deploy tool's own call and GitHub's deployment_status event. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class InboundHookTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static String project;
    private static String admin;
    private static String read;
    private static String secret;

    @BeforeEach
    void createProjectWithHookOnce() {
        if (project != null) {
            return;
        }
        project = "hooked-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("id", project))
                .post("/v1/projects").then().statusCode(201).extract().jsonPath();
        admin = "Bearer " + created.getString("tokens.ADMIN");
        read = "Bearer " + created.getString("tokens.READ");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("tenants", List.of("studio-a", "studio-b"))).put("/v1/projects/{id}/inbound-hook", project)
                .then().statusCode(403).body("error", equalTo("tenant_not_bound"));
        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("tenants", List.of("studio-a", "studio-b", "studio-c"))).put("/v1/projects/{id}/tenants", project)
                .then().statusCode(200);
        JsonPath hook = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("tenants", List.of("studio-a", "studio-b"))).put("/v1/projects/{id}/inbound-hook", project)
                .then().statusCode(200).extract().jsonPath();
        secret = hook.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(hook.getString("url")).endsWith("/v1/hooks/" + project + "/deployments");
    }

    @Test
    void shouldRecordASignedDeploymentOnceAndRecogniseItsReplay() {
        String body = "{\"environment\":\"production\",\"version\":\"v2.4.0\",\"gitSha\":\"0a1b2c3d\"}";
        String delivery = UUID.randomUUID().toString();
        JsonPath recorded = send(body, secret, delivery, null).then().statusCode(201)
                .body("result", equalTo("deployment recorded")).extract().jsonPath();
        assertThat(recorded.getList("deployment.tenants", String.class)).as("the hook's tenants").containsExactly("studio-a", "studio-b");
        given().header("Authorization", read).get("/v1/deployments/{id}", recorded.getString("deployment.id")).then()
                .statusCode(200).body("version", equalTo("v2.4.0")).body("environment", equalTo("production"));

        send(body, secret, delivery, null).then().statusCode(200)
                .body("result", containsString("duplicate")).body("deployment", org.hamcrest.Matchers.nullValue());
    }

    /** A delivery captured and replayed later, with an id never seen (ids are kept 90 days), is refused by its age. */
    @Test
    void shouldRefuseADeliverySignedMoreThanFiveMinutesAgo() {
        String body = "{\"environment\":\"production\",\"version\":\"v2.4.2\"}";
        send(body, secret, Instant.now().minus(Duration.ofMinutes(6)), UUID.randomUUID().toString(), null).then()
                .statusCode(401).body("detail", containsString("more than 5 minutes"));
        send(body, secret, Instant.now().plus(Duration.ofMinutes(6)), UUID.randomUUID().toString(), null).then()
                .statusCode(401);
        send(body, secret, Instant.now().minus(Duration.ofMinutes(4)), UUID.randomUUID().toString(), null).then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseBadMissingOrForeignSignaturesAndDeliveriesWithoutId() {
        String body = "{\"environment\":\"production\",\"version\":\"v2.4.1\"}";
        send(body, "not-the-secret", UUID.randomUUID().toString(), null).then()
                .statusCode(401).body("error", equalTo("unauthorized"));
        send(body, null, UUID.randomUUID().toString(), null).then().statusCode(401)
                .body("detail", containsString("missing signature"));
        String tampered = body.replace("v2.4.1", "v9.9.9");
        long now = Instant.now().getEpochSecond();
        given().header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSignature.HEADER, WebhookSignature.timed(secret, now, bytes(body)))
                .header("X-WedSync-Delivery", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(tampered)
                .post("/v1/hooks/{project}/deployments", project).then().statusCode(401);
        given().header(WebhookSignature.HEADER, WebhookSignature.of(secret, bytes(body)))
                .header("X-WedSync-Delivery", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body)
                .post("/v1/hooks/{project}/deployments", project).then().statusCode(401)
                .body("detail", containsString(WebhookSignature.TIMESTAMP_HEADER));
        given().header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSignature.HEADER, WebhookSignature.timed(secret, now, bytes(body)))
                .header("X-WedSync-Delivery", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body)
                .post("/v1/hooks/{project}/deployments", "no-such-project").then().statusCode(401);
        send(body, secret, null, null).then().statusCode(400)
                .body("error", equalTo("missing_delivery"));
        String other = "{\"project\":\"someone-else\",\"version\":\"v1\",\"environment\":\"production\"}";
        send(other, secret, UUID.randomUUID().toString(), null).then().statusCode(400)
                .body("error", equalTo("project_mismatch"));
    }

    @Test
    void shouldTurnGitHubsSuccessfulDeploymentStatusIntoADeploymentAndIgnoreOtherStates() {
        String success = gitHubEvent("success", "{\"tenants\":[\"studio-c\"],\"version\":\"v3.0.0\"}");
        JsonPath recorded = given().header("X-Hub-Signature-256", WebhookSignature.of(secret, bytes(success)))
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-GitHub-Event", "deployment_status")
                .contentType(ContentType.JSON).body(success).post("/v1/hooks/{project}/deployments", project)
                .then().statusCode(201).extract().jsonPath();
        assertThat(recorded.getList("deployment.tenants", String.class)).containsExactly("studio-c");
        assertThat(recorded.getString("deployment.version")).isEqualTo("v3.0.0");
        assertThat(recorded.getString("deployment.gitSha")).isEqualTo("9f8e7d6c5b4a");
        assertThat(Instant.parse(recorded.getString("deployment.at"))).as("the status's created_at")
                .isBetween(Instant.now().minusSeconds(120), Instant.now().minusSeconds(30));

        String pending = gitHubEvent("pending", "{}");
        given().header("X-Hub-Signature-256", WebhookSignature.of(secret, bytes(pending)))
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-GitHub-Event", "deployment_status")
                .contentType(ContentType.JSON).body(pending).post("/v1/hooks/{project}/deployments", project)
                .then().statusCode(200).body("result", containsString("ignored"));
        String ping = "{\"zen\":\"Keep it logically awesome.\"}";
        given().header("X-Hub-Signature-256", WebhookSignature.of(secret, bytes(ping)))
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-GitHub-Event", "ping")
                .contentType(ContentType.JSON).body(ping).post("/v1/hooks/{project}/deployments", project)
                .then().statusCode(200).body("result", equalTo("pong"));
    }

    /** Sends as a platform-format sender would: {@code secret} signs the timestamp with the body (null: unsigned). */
    private static io.restassured.response.Response send(String body, String secret, String delivery, String event) {
        return send(body, secret, Instant.now(), delivery, event);
    }

    private static io.restassured.response.Response send(String body, String secret, Instant sentAt, String delivery,
                                                         String event) {
        var spec = given().contentType(ContentType.JSON).body(body);
        if (secret != null) {
            spec = spec.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(sentAt.getEpochSecond()))
                    .header(WebhookSignature.HEADER, WebhookSignature.timed(secret, sentAt.getEpochSecond(), bytes(body)));
        }
        if (delivery != null) {
            spec = spec.header("X-WedSync-Delivery", delivery);
        }
        if (event != null) {
            spec = spec.header("X-GitHub-Event", event);
        }
        return spec.post("/v1/hooks/{project}/deployments", project);
    }

    private static String gitHubEvent(String state, String payload) {
        return "{\"action\":\"created\",\"deployment_status\":{\"state\":\"" + state + "\",\"environment\":\"production\","
                + "\"created_at\":\"" + Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"},\"deployment\":{\"id\":42,\"sha\":\"9f8e7d6c5b4a\",\"ref\":\"main\","
                + "\"environment\":\"production\",\"payload\":" + payload + "},\"repository\":{\"full_name\":\"wedsync/web\"}}";
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}

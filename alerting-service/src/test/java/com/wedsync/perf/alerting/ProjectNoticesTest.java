package com.wedsync.perf.alerting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.DeploymentMarker;
import com.wedsync.perf.model.event.DeploymentStatus;
import com.wedsync.perf.model.event.GateDecision;
import com.wedsync.perf.model.event.GateStatus;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A CI project's gate decisions and rollback recommendations reach its Slack channel through the alerts' outbox: a
 * 500 delays a message but loses nothing, a replayed record sends nothing twice, a verified deployment says nothing,
 * and what the gate quotes from tenants and beacons is escaped.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
@WithTestResource(FakeWebhookResource.class)
class ProjectNoticesTest {

    private final FakeWebhook slack = FakeWebhook.shared();

    @Test
    void shouldSendTheGatesDecisionsAndRollbackRecommendationsToTheProjectsSlackOnce() throws Exception {
        String project = "web-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/slack/" + project;
        slack.script(path, new FakeWebhook.Scripted(500, null));
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON)
                .body(Map.of("slackWebhookUrl", slack.url(path))).put("/v1/projects/{id}/notifications", project)
                .then().statusCode(200).body("slackWebhook", equalTo(true));

        GateDecision blocked = new GateDecision("val-" + project, project, "build-981", "production", "4f2a9c1d0e",
                "main", GateStatus.FAILED, List.of("LCP p75 on /photos/<!channel> 3100 ms > 2500 ms budget"), "build-975",
                Instant.now());
        TestData.gateDecision(blocked);
        TestData.gateDecision(blocked);
        TestData.deployment(new DeploymentMarker("d-ok-" + project, project, "production", "4f2a9c1d0e", "build-981",
                null, DeploymentStatus.VERIFIED, "no significant degradation", Instant.now(), "v2.14.0"));
        TestData.deployment(new DeploymentMarker("d-bad-" + project, project, "production", "4f2a9c1d0e", "build-981",
                null, DeploymentStatus.ROLLBACK_RECOMMENDED, "LCP p75 on /photos/gallery for studio-a: v2.14.0 2400 vs "
                + "v2.13.0 2000 alongside (+20.0%); INP p75 on /guests for studio-a: +15%", Instant.now(), "v2.14.0"));

        await().atMost(Duration.ofSeconds(40)).until(() -> slack.delivered(path).size() >= 2);
        Thread.sleep(2000);
        List<FakeWebhook.Received> received = slack.delivered(path);
        assertThat(received).as("the replayed decision and the verified deployment send nothing").hasSize(2);
        assertThat(slack.attempts(path)).as("the first answered 500 and was sent again").isEqualTo(3);
        String gate = received.stream().map(FakeWebhook.Received::body).filter(b -> b.contains("Gate blocked"))
                .findFirst().orElseThrow();
        assertThat(gate).contains(project + " build build-981 (4f2a9c1, main) to production")
                .contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        String rollback = received.stream().map(FakeWebhook.Received::body).filter(b -> b.contains("Rollback recommended"))
                .findFirst().orElseThrow();
        assertThat(rollback).contains("deployment of v2.14.0 (4f2a9c1) to production")
                .contains("v2.13.0 2000 alongside").contains("INP p75 on /guests");
    }

    @Test
    void shouldLetOnlyOpsSetAProjectsChannelAndOnlyToSlack() {
        // tenants' tokens by scope: AccessMatrixTest
        String project = "web-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("slackWebhookUrl", slack.url("/slack/x")))
                .put("/v1/projects/{id}/notifications", project).then().statusCode(401);
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON)
                .body(Map.of("slackWebhookUrl", "https://169.254.169.254/latest/meta-data"))
                .put("/v1/projects/{id}/notifications", project).then().statusCode(400);
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON)
                .body(Map.of("slackWebhookUrl", slack.url("/slack/x"))).put("/v1/projects/{id}/notifications", "Bad Id!")
                .then().statusCode(400).body("error", equalTo("invalid_project"));
        given().header("Authorization", TestData.OPS).get("/v1/projects/{id}/notifications", project)
                .then().statusCode(200).body("slackWebhook", equalTo(false));
    }
}

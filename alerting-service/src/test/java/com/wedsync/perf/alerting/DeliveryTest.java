package com.wedsync.perf.alerting;

import static com.wedsync.perf.alerting.AlertApi.awaitAlert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slack answering 429, 5xx or nothing at all delays a message but never loses or repeats it. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
@WithTestResource(FakeWebhookResource.class)
class DeliveryTest {

    private final FakeWebhook slack = FakeWebhook.shared();

    @Test
    void shouldDeliverOnceLateAfterA429WithRetryAfterAndThenA500() throws Exception {
        String tenant = TestData.uniqueTenant("throttled");
        String path = "/slack/" + tenant;
        slack.script(path, new FakeWebhook.Scripted(429, "2"), new FakeWebhook.Scripted(500, null));
        Map<String, Object> alert = fireOneMinuteAlert(tenant, path);

        await().atMost(Duration.ofSeconds(30)).until(() -> slack.delivered(path).size() == 1);
        Thread.sleep(1500);
        assertThat(slack.delivered(path)).as("delivered exactly once").hasSize(1);
        assertThat(slack.attempts(path)).as("429, then 500, then ok").isEqualTo(3);
        JsonPath detail = AlertApi.detail(alert.get("id"));
        assertThat(detail.getString("deliveries.find { it.destination.startsWith('TENANT_SLACK') }.state")).isEqualTo("SENT");
        assertThat(detail.getInt("deliveries.find { it.destination.startsWith('TENANT_SLACK') }.attempts")).isEqualTo(3);
        long firedAt = java.time.Instant.parse((String) alert.get("firedAt")).toEpochMilli();
        assertThat(slack.delivered(path).get(0).atMillis() - firedAt).as("waited the 2 s Retry-After").isGreaterThanOrEqualTo(2000);
    }

    @Test
    void shouldLoseNothingWhileTheReceiverIsDown() throws Exception {
        String tenant = TestData.uniqueTenant("outage");
        String path = "/slack/" + tenant;
        slack.down(true);
        try {
            fireOneMinuteAlert(tenant, path);
            Thread.sleep(60_000);
            assertThat(slack.delivered(path)).isEmpty();
        } finally {
            slack.down(false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.delivered(path).size() == 1);
        Thread.sleep(1500);
        assertThat(slack.delivered(path)).hasSize(1);
    }

    @Test
    void shouldRecordAPermanentFailureAndGoOn() {
        String tenant = TestData.uniqueTenant("gone");
        String path = "/slack/" + tenant;
        slack.script(path, new FakeWebhook.Scripted(404, null));
        Map<String, Object> alert = fireOneMinuteAlert(tenant, path);

        JsonPath failed = await().atMost(Duration.ofSeconds(20)).until(() -> AlertApi.detail(alert.get("id")),
                d -> "FAILED".equals(d.getString("deliveries.find { it.destination.startsWith('TENANT_SLACK') }.state")));
        assertThat(failed.getString("deliveries.find { it.destination.startsWith('TENANT_SLACK') }.lastError")).startsWith("HTTP 404");
        assertThat(slack.attempts(path)).as("a 404 is not retried").isEqualTo(1);
    }

    @Test
    void shouldSignGenericWebhooksWithTheTenantsSecret() {
        String tenant = TestData.uniqueTenant("signed");
        String path = "/hooks/" + tenant;
        String secret = "s3cret-of-at-least-16";
        io.restassured.RestAssured.given().header("Authorization", TestData.OPS)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("webhookUrl", slack.url(path), "webhookSecret", secret))
                .put("/v1/tenants/{id}/notifications", tenant).then().statusCode(200)
                .body("webhookSigned", org.hamcrest.Matchers.is(true));
        AlertApi.rules(tenant, Map.of("forSeconds", 60));
        TestData.send(TestData.lcpMinute(tenant, "/budget", TestData.minutesAgo(2), 2500, 100));

        await().atMost(Duration.ofSeconds(30)).until(() -> slack.delivered(path).size() == 1);
        FakeWebhook.Received received = slack.delivered(path).get(0);
        String signature = received.headers().get("X-wedsync-signature").get(0);
        String timestamp = received.headers().get("X-wedsync-timestamp").get(0);
        assertThat(com.wedsync.perf.service.auth.WebhookSignature.verifyTimed(secret, timestamp,
                received.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), signature, java.time.Instant.now()))
                .as("signed with the send time").isEqualTo(com.wedsync.perf.service.auth.WebhookSignature.Check.VALID);
        assertThat(received.body()).contains("\"kind\":\"FIRING\"").contains("\"dedupKey\"").contains(tenant);
    }

    private Map<String, Object> fireOneMinuteAlert(String tenant, String path) {
        AlertApi.slackFor(tenant, slack.url(path));
        AlertApi.rules(tenant, Map.of("forSeconds", 60));
        TestData.send(TestData.lcpMinute(tenant, "/budget", TestData.minutesAgo(2), 2500, 100));
        return awaitAlert(tenant, a -> a.get("state").equals("FIRING"));
    }
}

package com.wedsync.perf.alerting;

import static com.wedsync.perf.alerting.AlertApi.awaitAlert;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant-configured URLs cannot turn our delivery into a probe of internal networks (SSRF). The test profile allows
 * the receiver's host as written, {@code 127.0.0.1}, as ops would allow an on-premises receiver; {@code localhost},
 * a name that resolves to the same receiver, stays refused.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
@WithTestResource(FakeWebhookResource.class)
class OutboundAttackTest {

    private final FakeWebhook receiver = FakeWebhook.shared();

    @Inject
    AgroalDataSource db;

    @Test
    void shouldRefuseToConfigureDestinationsOffThePublicInternet() {
        String tenant = TestData.uniqueTenant("ssrf-config");
        String local = receiver.url("/x").replace("127.0.0.1", "localhost");
        assertRefused(tenant, Map.of("slackWebhookUrl", local), "slackWebhookUrl");
        assertRefused(tenant, Map.of("slackWebhookUrl", "https://evil.example/services/T0/B0/x"), "hooks.slack.com");
        for (String internal : new String[]{local, "https://localhost/hook", "https://169.254.169.254/latest/meta-data/",
                "https://10.1.2.3/hook", "https://[::1]/hook", "https://[fd00::1]/hook", "https://[::ffff:127.0.0.1]/hook",
                "https://0.0.0.0/hook", "https://224.0.0.1/hook", "http://example.com/hook", "https://user:pw@example.com/x"}) {
            assertRefused(tenant, Map.of("webhookUrl", internal, "webhookSecret", "s3cret-of-at-least-16"), "webhookUrl");
        }
        given().header("Authorization", TestData.OPS).get("/v1/tenants/{id}/notifications", tenant)
                .then().statusCode(200).body("webhook", org.hamcrest.Matchers.is(false));
    }

    /**
     * DNS rebinding: a name that resolved to a public address when it was saved resolves to loopback when the alert is
     * delivered. Stored straight into the table (as the public answer would have let it be), it is refused at send time
     * and the receiver behind it sees nothing.
     */
    @Test
    void shouldRefuseAtSendTimeAStoredNameThatNowResolvesToLoopback() throws Exception {
        String tenant = TestData.uniqueTenant("ssrf-rebind");
        String path = "/rebind/" + tenant;
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO notification_targets "
                + "(tenant, slack_webhook, updated_at) VALUES (?,?,?)")) {
            s.setString(1, tenant);
            s.setString(2, receiver.url(path).replace("127.0.0.1", "localhost"));
            s.setObject(3, java.time.OffsetDateTime.now());
            s.executeUpdate();
        }
        Map<String, Object> alert = fire(tenant);

        JsonPath failed = await().atMost(Duration.ofSeconds(30)).until(() -> AlertApi.detail(alert.get("id")),
                d -> "FAILED".equals(d.getString("deliveries.find { it.destination.startsWith('TENANT_SLACK') }.state")));
        assertThat(failed.getString("deliveries.find { it.destination.startsWith('TENANT_SLACK') }.lastError"))
                .startsWith("destination refused: ").doesNotContain("localhost").doesNotContain(path);
        assertThat(receiver.attempts(path)).as("nothing reached the internal receiver").isZero();
    }

    @Test
    void shouldNeverShowWhatAReceiverAnswered() {
        String tenant = TestData.uniqueTenant("ssrf-echo");
        String path = "/echo/" + tenant;
        receiver.script(path, new FakeWebhook.Scripted(403, null));
        AlertApi.slackFor(tenant, receiver.url(path));
        Map<String, Object> alert = fire(tenant);

        JsonPath failed = await().atMost(Duration.ofSeconds(30)).until(() -> AlertApi.detail(alert.get("id")),
                d -> "FAILED".equals(d.getString("deliveries.find { it.destination.startsWith('TENANT_SLACK') }.state")));
        assertThat(failed.getString("deliveries.find { it.destination.startsWith('TENANT_SLACK') }.lastError"))
                .as("the status only, not the receiver's body ('error 403')").isEqualTo("HTTP 403");
    }

    private static Map<String, Object> fire(String tenant) {
        AlertApi.rules(tenant, Map.of("forSeconds", 60));
        TestData.send(TestData.lcpMinute(tenant, "/budget", TestData.minutesAgo(2), 2500, 100));
        return awaitAlert(tenant, a -> a.get("state").equals("FIRING"));
    }

    private static void assertRefused(String tenant, Map<String, String> body, String detail) {
        Response response = given().header("Authorization", TestData.OPS).contentType(ContentType.JSON).body(body)
                .put("/v1/tenants/{id}/notifications", tenant);
        assertThat(response.statusCode()).as("%s: %s", body, response.asString()).isEqualTo(400);
        assertThat(response.jsonPath().getString("error")).isEqualTo("invalid_url");
        assertThat(response.jsonPath().getString("detail")).contains(detail);
        body.values().forEach(url -> assertThat(response.asString()).as("never echoes the URL").doesNotContain(url));
    }
}

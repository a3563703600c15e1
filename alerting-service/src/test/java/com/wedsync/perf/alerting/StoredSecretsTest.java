package com.wedsync.perf.alerting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.alerting.delivery.NotificationTargets;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.service.secret.SecretBox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table holds ciphertext: what a database dump or a read-only SQL user sees of a tenant's Slack and webhook. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
class StoredSecretsTest {

    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/slack-secret-part";
    private static final String WEBHOOK = "https://93.184.216.34/hooks/webhook-secret-part";
    private static final String SECRET = "webhook-signing-secret-0123";

    @Inject
    AgroalDataSource db;

    @Inject
    NotificationTargets targets;

    @Inject
    SecretBox secrets;

    @Test
    void shouldStoreNotificationTargetsEncrypted() throws Exception {
        String tenant = TestData.uniqueTenant("sealed");
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON)
                .body(Map.of("slackWebhookUrl", SLACK, "webhookUrl", WEBHOOK, "webhookSecret", SECRET))
                .put("/v1/tenants/{id}/notifications", tenant).then().statusCode(200);

        List<String> stored = row(tenant);
        assertThat(stored).hasSize(3).allMatch(value -> value.startsWith("enc:v1:"));
        assertThat(String.join(" ", stored)).doesNotContain("slack-secret-part", "webhook-secret-part", SECRET, "hooks.slack.com");
        assertThat(targets.of(tenant)).isEqualTo(new NotificationTargets.Targets(SLACK, WEBHOOK, SECRET));
    }

    @Test
    void shouldSealWhatWasStoredBeforeEncryption() throws Exception {
        String tenant = TestData.uniqueTenant("legacy");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO notification_targets "
                + "(tenant, slack_webhook, updated_at) VALUES (?,?,now())")) {
            s.setString(1, tenant);
            s.setString(2, SLACK);
            s.executeUpdate();
        }

        assertThat(NotificationTargets.SECRET_COLUMNS.reseal(db, secrets)).isGreaterThanOrEqualTo(1);
        assertThat(row(tenant).get(0)).startsWith("enc:v1:").doesNotContain("slack-secret-part");
        assertThat(targets.of(tenant).slackWebhook()).isEqualTo(SLACK);
    }

    private List<String> row(String tenant) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT slack_webhook, webhook_url, webhook_secret FROM notification_targets WHERE tenant = ?")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    if (r.getString(i) != null) {
                        values.add(r.getString(i));
                    }
                }
                return values;
            }
        }
    }
}

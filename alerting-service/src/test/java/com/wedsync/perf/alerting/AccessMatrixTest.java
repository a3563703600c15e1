package com.wedsync.perf.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.access.AccessMatrix;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every alerting endpoint against every kind of credential: tenant A's tokens by scope (read views, write changes,
 * admin the audit log), tenant B's (which must learn nothing of A), ops, an unknown token and none.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
class AccessMatrixTest {

    private static final String READ = "none=401 bogus=401 ops=ok aRead=ok aWrite=ok aAdmin=ok bRead=404 bWrite=404 bAdmin=404";
    private static final String WRITE = "none=401 bogus=401 ops=ok aRead=403 aWrite=ok aAdmin=ok bRead=403 bWrite=404 bAdmin=404";
    private static final String ADMIN = "none=401 bogus=401 ops=ok aRead=403 aWrite=403 aAdmin=ok bRead=403 bWrite=403 bAdmin=404";
    private static final String OPS_ONLY = "none=401 bogus=401 ops=ok aRead=403 aWrite=403 aAdmin=403 bRead=403 bWrite=403 bAdmin=403";
    private static final String OWN_ONLY = "none=401 bogus=401 ops=ok aRead=ok aWrite=ok aAdmin=ok bRead=ok bWrite=ok bAdmin=ok";

    @Test
    void shouldAnswerEveryEndpointAsTheMatrixSaysForEveryCredential() {
        String a = TestData.uniqueTenant("matrix-a");
        String b = TestData.uniqueTenant("matrix-b");
        com.wedsync.perf.localstack.access.TenantFixture.Tokens aTokens = TestData.tenantWithTokens(a);
        com.wedsync.perf.localstack.access.TenantFixture.Tokens bTokens = TestData.tenantWithTokens(b);
        AlertApi.rules(a, Map.of("forSeconds", 60));
        TestData.send(TestData.lcpMinute(a, "/photos", TestData.minutesAgo(3), 3500, 100));
        Object alert = AlertApi.awaitAlert(a, found -> found.get("state").equals("FIRING")).get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().header("Authorization", bTokens.read())
                .get("/v1/alerts").statusCode() == 200);

        AccessMatrix matrix = AccessMatrix.at("http://127.0.0.1:" + RestAssured.port)
                .credential("none", null).credential("bogus", "Bearer not-a-token-of-anybody-000000")
                .credential("ops", TestData.OPS)
                .credential("aRead", aTokens.read()).credential("aWrite", aTokens.write()).credential("aAdmin", aTokens.admin())
                .credential("bRead", bTokens.read()).credential("bWrite", bTokens.write()).credential("bAdmin", bTokens.admin())
                .pathValue("/v1/alerts/", "id", alert.toString()).pathValue("id", a)
                .expect("GET /v1/alerts", "tenant=" + a, null, READ)
                .expect("GET /v1/alerts/{id}", READ)
                .expect("POST /v1/alerts/{id}/ack", null, "{\"note\": \"looking\"}", WRITE)
                .expect("POST /v1/alerts/{id}/resolve", null, "{\"note\": \"fixed\"}", WRITE)
                .expect("GET /v1/silences", OWN_ONLY)
                .expect("POST /v1/silences", null, "{\"tenant\": \"" + a + "\", \"minutes\": 5}", WRITE)
                .expect("GET /v1/audit", "tenant=" + a, null, ADMIN)
                .expect("GET /v1/tenants/{id}/rules", READ)
                .expect("PUT /v1/tenants/{id}/rules", null, "{\"forSeconds\": 60}", WRITE)
                .expect("GET /v1/tenants/{id}/notifications", READ)
                .expect("PUT /v1/tenants/{id}/notifications", WRITE)
                .expect("GET /v1/projects/{id}/notifications", OPS_ONLY)
                .expect("PUT /v1/projects/{id}/notifications", null, "{\"slackWebhookUrl\": null}", OPS_ONLY);
        assertThat(matrix.mismatches(Path.of("target/classes"))).isEmpty();
    }
}

package com.wedsync.perf.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.access.AccessMatrix;
import com.wedsync.perf.localstack.access.TenantFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every trend endpoint against every kind of credential: tenant A's tokens by scope, tenant B's, ops, unknown, none. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AccessMatrixTest {

    private static final String READ = "none=401 bogus=401 ops=ok aRead=ok aWrite=ok aAdmin=ok bRead=404";
    private static final String OPS = "none=401 bogus=401 ops=ok aRead=403 aWrite=403 aAdmin=403 bRead=403";

    @Test
    void shouldAnswerEveryEndpointAsTheMatrixSaysForEveryCredential() {
        String a = TestData.uniqueTenant("matrix-a");
        TenantFixture.Tokens aTokens = TenantFixture.publish(LocalStack.shared().bootstrapServers(), a);
        TenantFixture.Tokens bTokens = TenantFixture.publish(LocalStack.shared().bootstrapServers(), TestData.uniqueTenant("matrix-b"));
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().header("Authorization", bTokens.read())
                .get("/v1/trends/pages?tenant=" + a + "&metric=LCP").statusCode() == 404);
        String series = "tenant=" + a + "&metric=LCP&route=/guests&device=mobile";
        TestData.sendWedding(new com.wedsync.perf.model.event.WeddingSchedule("w-matrix", a, java.time.Instant.now(),
                "Europe/London", 80, 4, com.wedsync.perf.model.event.WeddingStatus.SCHEDULED, java.time.Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().header("Authorization", aTokens.read())
                .get("/v1/weddings/w-matrix/slo?tenant=" + a).statusCode() == 200);

        AccessMatrix matrix = AccessMatrix.at("http://127.0.0.1:" + RestAssured.port)
                .credential("none", null).credential("bogus", "Bearer not-a-token-of-anybody-000000")
                .credential("ops", TestData.OPS)
                .credential("aRead", aTokens.read()).credential("aWrite", aTokens.write()).credential("aAdmin", aTokens.admin())
                .credential("bRead", bTokens.read())
                .expect("GET /v1/trends", series, null, READ)
                .expect("GET /v1/trends/pages", "tenant=" + a + "&metric=LCP", null, READ)
                .expect("GET /v1/diagnostics", series, null, READ)
                .expect("GET /v1/recommendations/pages", "tenant=" + a, null, READ)
                .expect("GET /v1/internal/page-partials", "tenant=" + a + "&metric=LCP", null, READ)
                .expect("GET /v1/compare", "tenant=" + a + "&metric=LCP&a=r1&b=r2", null, READ)
                .expect("GET /v1/internal/arm-windows", "tenant=" + a + "&metric=LCP&arm=r1", null, READ)
                .expect("GET /v1/interference", OPS)
                .expect("GET /v1/interference/affected", "tenant=" + a, null, READ)
                .expect("GET /v1/slo", "tenant=" + a, null, READ)
                .expect("GET /v1/internal/operation-partials", "tenant=" + a, null, READ)
                .expect("GET /v1/weddings", "tenant=" + a, null, READ)
                .pathValue("id", "w-matrix")
                .expect("GET /v1/weddings/{id}/slo", "tenant=" + a, null, READ);

        assertThat(matrix.mismatches(Path.of("target/classes"))).isEmpty();
    }
}

package com.wedsync.perf.scaling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.access.AccessMatrix;
import com.wedsync.perf.localstack.access.TenantFixture;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every scaling endpoint against every kind of credential: tenant tokens by scope, another tenant's, KEDA, ops. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "scaling"))
class AccessMatrixTest {

    private static final String READ = "none=401 bogus=401 ops=ok keda=403 aRead=ok aWrite=ok aAdmin=ok bRead=404";

    @Test
    void shouldAnswerEveryEndpointAsTheMatrixSaysForEveryCredential() {
        String a = "matrix-a-" + UUID.randomUUID().toString().substring(0, 8);
        TenantFixture.Tokens aTokens = TenantFixture.publish(LocalStack.shared().bootstrapServers(), a);
        TenantFixture.Tokens bTokens = TenantFixture.publish(LocalStack.shared().bootstrapServers(),
                "matrix-b-" + UUID.randomUUID().toString().substring(0, 8));
        await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().header("Authorization", bTokens.read())
                .get("/v1/forecasts?tenant=" + a).statusCode() == 404);

        AccessMatrix matrix = AccessMatrix.at("http://127.0.0.1:" + RestAssured.port)
                .credential("none", null).credential("bogus", "Bearer not-a-token-of-anybody-000000")
                .credential("ops", "Bearer test-ops-token-0123456789abcdef0123")
                .credential("keda", "Bearer test-keda-token-0123456789abcdef0123")
                .credential("aRead", aTokens.read()).credential("aWrite", aTokens.write()).credential("aAdmin", aTokens.admin())
                .credential("bRead", bTokens.read())
                .pathValue("tenant", a)
                .expect("GET /v1/forecasts", "tenant=" + a, null, READ)
                .expect("GET /v1/forecasts/accuracy", "tenant=" + a, null, READ)
                .expect("GET /v1/recommendations", "tenant=" + a, null, READ)
                .expect("GET /v1/emergencies", "tenant=" + a, null, READ)
                .expect("GET /v1/keda/{tenant}", READ.replace("keda=403", "keda=ok"));

        assertThat(matrix.mismatches(Path.of("target/classes"))).isEmpty();
    }
}

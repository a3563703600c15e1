package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.access.AccessMatrix;
import com.wedsync.perf.localstack.access.TenantFixture;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every gate endpoint against every kind of credential: project P's tokens by role, project Q's (which must learn
 * nothing of P), a tenant's admin token (no credential in the gate), ops, an unknown token and none.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class AccessMatrixTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static final String STRANGERS = "none=401 bogus=401 tenantAdmin=401 ";
    private static final String OPS_ONLY = STRANGERS + "ops=ok pRead=403 pCi=403 pAdmin=403 qRead=403 qCi=403 qAdmin=403";
    private static final String READ = STRANGERS + "ops=ok pRead=ok pCi=ok pAdmin=ok qRead=404 qCi=404 qAdmin=404";
    private static final String CI = STRANGERS + "ops=ok pRead=403 pCi=ok pAdmin=ok qRead=403 qCi=404 qAdmin=404";
    private static final String ADMIN = STRANGERS + "ops=ok pRead=403 pCi=403 pAdmin=ok qRead=403 qCi=403 qAdmin=404";
    private static final String SIGNED_ONLY = STRANGERS + "ops=401 pRead=401 pCi=401 pAdmin=401 qRead=401 qCi=401 qAdmin=401";

    @Test
    void shouldAnswerEveryEndpointAsTheMatrixSaysForEveryCredential() throws Exception {
        String p = "matrix-p-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath pTokens = create(p);
        JsonPath qTokens = create("matrix-q-" + UUID.randomUUID().toString().substring(0, 8));
        String tenant = "matrix-t-" + UUID.randomUUID().toString().substring(0, 8);
        TenantFixture.Tokens tenantTokens = TenantFixture.publish(LocalStack.shared().bootstrapServers(), tenant);
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("tenants", List.of(tenant)))
                .put("/v1/projects/{id}/tenants", p).then().statusCode(200);
        String pCi = "Bearer " + pTokens.getString("tokens.CI");
        given().header("Authorization", pCi).contentType(ContentType.JSON)
                .body(Builds.request(p, "build-1", "aaaaaaa1", "main", null, 100 * 1024, 2000, 2010, 1990))
                .post("/v1/gates/validate").then().statusCode(200);
        String deployment = given().header("Authorization", pCi).contentType(ContentType.JSON)
                .body(Map.of("project", p, "environment", "production", "version", "v1", "tenants", List.of(tenant),
                        "at", Instant.now().toString()))
                .post("/v1/deployments").then().statusCode(201).extract().path("id");
        String validate = new ObjectMapper().writeValueAsString(Map.of("project", p));

        AccessMatrix matrix = AccessMatrix.at("http://127.0.0.1:" + RestAssured.port)
                .credential("none", null).credential("bogus", "Bearer not-a-token-of-anybody-000000")
                .credential("tenantAdmin", tenantTokens.admin()).credential("ops", OPS)
                .credential("pRead", "Bearer " + pTokens.getString("tokens.READ")).credential("pCi", pCi)
                .credential("pAdmin", "Bearer " + pTokens.getString("tokens.ADMIN"))
                .credential("qRead", "Bearer " + qTokens.getString("tokens.READ"))
                .credential("qCi", "Bearer " + qTokens.getString("tokens.CI"))
                .credential("qAdmin", "Bearer " + qTokens.getString("tokens.ADMIN"))
                .pathValue("/v1/deployments/", "id", deployment)
                .pathValue("id", p).pathValue("project", p).pathValue("role", "read").pathValue("environment", "staging")
                .pathValue("buildId", "build-1")
                .expect("POST /v1/projects", null, "{\"id\": \"matrix-new-" + UUID.randomUUID().toString().substring(0, 8) + "\"}",
                        OPS_ONLY)
                .expect("POST /v1/projects/{id}/tokens/{role}", ADMIN)
                .expect("GET /v1/projects/{id}/budgets/{environment}", READ)
                .expect("PUT /v1/projects/{id}/budgets/{environment}", ADMIN)
                .expect("PUT /v1/projects/{id}/webhook", ADMIN)
                .expect("PUT /v1/projects/{id}/inbound-hook", ADMIN)
                .expect("PUT /v1/projects/{id}/github", ADMIN)
                .expect("PUT /v1/projects/{id}/tenants", null, "{\"tenants\": [\"" + tenant + "\"]}", OPS_ONLY)
                .expect("GET /v1/projects/{id}/tenants", READ)
                .expect("POST /v1/gates/validate", null, validate, CI)
                .expect("GET /v1/gates/history", "project=" + p, null, READ)
                .expect("GET /v1/gates/{buildId}", "project=" + p, null, READ)
                .expect("GET /v1/gates/{buildId}/regressions", "project=" + p, null, READ)
                .expect("GET /v1/gates/{buildId}/report.md", "project=" + p, null, READ)
                .expect("POST /v1/baselines", null, "{\"project\": \"" + p + "\", \"buildId\": \"build-1\"}", ADMIN)
                .expect("GET /v1/audit", "project=" + p, null, ADMIN)
                .expect("POST /v1/deployments", null, validate, CI)
                .expect("GET /v1/deployments/{id}", READ)
                .expect("POST /v1/hooks/{project}/deployments", SIGNED_ONLY);

        assertThat(matrix.mismatches(Path.of("target/classes"))).isEmpty();
    }

    private static JsonPath create(String project) {
        return given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("id", project))
                .post("/v1/projects").then().statusCode(201).extract().jsonPath();
    }
}

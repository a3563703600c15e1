package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.access.AccessMatrix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every ingest endpoint against every kind of credential: tenant A's own tokens by scope, tenant B's (which must
 * learn nothing of A), both server keys, the ops token, an unknown token and none.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AccessMatrixTest {

    private static final String OPS_ONLY = "none=401 bogus=401 ops=ok aRead=403 aWrite=403 aAdmin=403 bRead=403 bWrite=403 "
            + "bAdmin=403 aServer=403 bServer=403";
    private static final String SERVER_KEYS = "none=401 bogus=401 ops=403 aRead=403 aWrite=403 aAdmin=403 bRead=403 "
            + "bWrite=403 bAdmin=403 aServer=ok bServer=ok";
    private static final String TENANT_READ = "none=401 bogus=401 ops=ok aRead=ok aWrite=ok aAdmin=ok bRead=404 bWrite=404 "
            + "bAdmin=404 aServer=403 bServer=403";
    private static final String TENANT_ADMIN = "none=401 bogus=401 ops=ok aRead=403 aWrite=403 aAdmin=ok bRead=403 "
            + "bWrite=403 bAdmin=404 aServer=403 bServer=403";
    private static final String ANYONE = "none=ok bogus=ok ops=ok aRead=ok aWrite=ok aAdmin=ok bRead=ok bWrite=ok bAdmin=ok "
            + "aServer=ok bServer=ok";
    private static final String NOBODY_WHILE_OFF = ANYONE.replace("=ok", "=404");

    private static TestTenants.Registered a;
    private static TestTenants.Registered b;

    @BeforeEach
    void registerTwoTenantsOnce() {
        if (a == null) {
            a = TestTenants.register("matrix-a");
            b = TestTenants.register("matrix-b");
        }
    }

    @Test
    void shouldAnswerEveryEndpointAsTheMatrixSaysForEveryCredential() {
        assertThat(matrix().mismatches(Path.of("target/classes"))).isEmpty();
    }

    @Test
    void shouldFailForAnEndpointWithoutAnEntry() {
        AccessMatrix withoutUsage = matrix();
        withoutUsage.expect("GET /v1/tenants/{id}/usage", null);

        assertThat(AccessMatrix.at(base()).mismatches(Path.of("target/classes")))
                .contains("GET /v1/tenants/{id}/usage: no entry in the access matrix",
                        "POST /v1/rum: no entry in the access matrix");
    }

    private static AccessMatrix matrix() {
        String timing = "[{\"operation\": \"guest_list_load\", \"durationMs\": 120}]";
        String tenant = "{\"name\": \"%s\", \"ingestKeys\": [\"%s\"], \"allowedOrigins\": [\"%s\"]}"
                .formatted(a.id(), a.key(), TestTenants.ORIGIN);
        return AccessMatrix.at(base())
                .credential("none", null).credential("bogus", "Bearer not-a-token-of-anybody-000000")
                .credential("ops", TestTenants.OPS)
                .credential("aRead", bearer(a.readToken())).credential("aWrite", bearer(a.writeToken()))
                .credential("aAdmin", bearer(a.adminToken()))
                .credential("bRead", bearer(b.readToken())).credential("bWrite", bearer(b.writeToken()))
                .credential("bAdmin", bearer(b.adminToken()))
                .credential("aServer", bearer(a.serverKey())).credential("bServer", bearer(b.serverKey()))
                .pathValue("id", a.id()).pathValue("name", "victim")
                .expect("GET /v1/admin/tenants", OPS_ONLY)
                .expect("GET /v1/admin/tenants/{id}", OPS_ONLY)
                .expect("PUT /v1/admin/tenants/{id}", null, tenant, OPS_ONLY)
                .expect("POST /v1/rum", "key=" + a.key(), "{\"page\": \"/\", \"metrics\": [{\"name\": \"LCP\", \"value\": 1200}]}",
                        ANYONE)
                .header("POST /v1/rum", "Origin", TestTenants.ORIGIN)
                .expect("OPTIONS /v1/rum", "key=" + a.key(), null, ANYONE)
                .header("OPTIONS /v1/rum", "Origin", TestTenants.ORIGIN)
                .expect("POST /v1/bench/noop", NOBODY_WHILE_OFF)
                .expect("POST /v1/server-timings", null, timing, SERVER_KEYS)
                .expect("POST /otlp/v1/traces", null, "{}", SERVER_KEYS)
                .expect("POST /otlp/v1/metrics", null, "{}", SERVER_KEYS)
                .expect("PUT /v1/weddings/{id}", null, "{\"ceremonyAt\": \"2026-06-13T14:00\", \"timeZone\": \"Europe/London\"}",
                        SERVER_KEYS)
                .expect("GET /v1/tenants/{id}/usage", TENANT_READ)
                .expect("GET /v1/tenants/{id}/tokens", TENANT_ADMIN)
                .expect("POST /v1/tenants/{id}/tokens", null, "{\"name\": \"issued\", \"scope\": \"read\"}", TENANT_ADMIN)
                .expect("POST /v1/tenants/{id}/tokens/{name}/rotate", TENANT_ADMIN)
                .before("POST /v1/tenants/{id}/tokens/{name}/rotate", AccessMatrixTest::ensureVictimToken)
                .expect("DELETE /v1/tenants/{id}/tokens/{name}", TENANT_ADMIN)
                .before("DELETE /v1/tenants/{id}/tokens/{name}", AccessMatrixTest::ensureVictimToken);
    }

    /** A token the rotate and revoke checks may change or remove, issued again before each of them. */
    private static void ensureVictimToken() {
        int status = given().header("Authorization", TestTenants.OPS).contentType(ContentType.JSON)
                .body("{\"name\": \"victim\", \"scope\": \"read\"}").post("/v1/tenants/" + a.id() + "/tokens").statusCode();
        assertThat(status).isIn(201, 409);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }
}

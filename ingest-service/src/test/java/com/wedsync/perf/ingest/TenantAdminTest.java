package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.Tier;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TenantAdminTest {

    static final String OPS = TestTenants.OPS;

    @Test
    void shouldPublishATenantWithHashedSecretsAndShowGeneratedOnesOnce() {
        String tenantId = TestTenants.uniqueId("studio");
        try (TopicReader<String, TenantConfig> tenants = TopicReader.fromNow(Topics.TENANTS)) {
            String serverKey = given().header("Authorization", OPS).contentType(ContentType.JSON)
                    .body("""
                            {"name": "Studio Aurora", "tier": "premium", "ingestKeys": ["pk_aurora_123"],
                             "allowedOrigins": ["https://Aurora.example.com"]}""")
                    .when().put("/v1/admin/tenants/" + tenantId)
                    .then().statusCode(200)
                    .body("tenantId", equalTo(tenantId))
                    .body("tier", equalTo("premium"))
                    .body("allowedOrigins[0]", equalTo("https://aurora.example.com"))
                    .body("generatedServerKey", startsWith("sk_"))
                    .body("generatedReadToken", startsWith("rt_"))
                    .body("generatedTokens.admin", startsWith("at_"))
                    .body("generatedTokens.write", startsWith("wt_"))
                    .extract().path("generatedServerKey");

            TenantConfig published = tenants.awaitValue(tenantId, Duration.ofSeconds(20));
            assertThat(published.tier()).isEqualTo(Tier.PREMIUM);
            assertThat(published.serverKeyHash()).startsWith("sha256:").doesNotContain(serverKey);
            assertThat(published.ingestKeys()).containsExactly("pk_aurora_123");
            assertThat(published.tokens()).extracting(token -> token.name() + ":" + token.scope())
                    .containsExactly("admin:ADMIN", "write:WRITE", "read:READ");
            assertThat(published.tokens()).allSatisfy(token -> assertThat(token.hash()).startsWith("sha256:"));
        }

        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body("{\"name\": \"Studio Aurora Ltd\", \"ingestKeys\": [\"pk_aurora_456\"]}")
                .when().put("/v1/admin/tenants/" + tenantId)
                .then().statusCode(200)
                .body("name", equalTo("Studio Aurora Ltd"))
                .body("generatedServerKey", nullValue())
                .body("tokens.name", org.hamcrest.Matchers.contains("admin", "write", "read"))
                .body("tokens.scope", org.hamcrest.Matchers.contains("admin", "write", "read"))
                .body("generatedTokens", nullValue());

        given().header("Authorization", OPS).when().get("/v1/admin/tenants")
                .then().statusCode(200)
                .body("find { it.tenantId == '" + tenantId + "' }.name", equalTo("Studio Aurora Ltd"))
                .body("find { it.tenantId == '" + tenantId + "' }.serverKeyHash", nullValue());
    }

    @Test
    void shouldRefuseWithoutTheOpsToken() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .when().put("/v1/admin/tenants/nobody")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer wrong-token-0000000").contentType(ContentType.JSON)
                .body("{\"name\": \"x\"}")
                .when().put("/v1/admin/tenants/nobody")
                .then().statusCode(401).body("detail", equalTo("the bearer token is not one this service knows"));
        given().when().get("/v1/admin/tenants").then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void shouldExplainInvalidRegistrations() {
        given().header("Authorization", OPS).contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .when().put("/v1/admin/tenants/Bad_Id")
                .then().statusCode(400).body("error", equalTo("invalid_tenant_id"));
        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"allowedOrigins\": [\"https://a.example.com/path\"]}")
                .when().put("/v1/admin/tenants/valid-id")
                .then().statusCode(400).body("detail", startsWith("allowedOrigins: 'https://a.example.com/path'"));
        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"tier\": \"gold\"}")
                .when().put("/v1/admin/tenants/valid-id")
                .then().statusCode(400).body("detail", equalTo("tier 'gold' must be standard or premium"));
        given().header("Authorization", OPS).contentType(ContentType.JSON).body("{\"name\": ")
                .when().put("/v1/admin/tenants/valid-id")
                .then().statusCode(400).body("error", equalTo("bad_request"));
    }
}

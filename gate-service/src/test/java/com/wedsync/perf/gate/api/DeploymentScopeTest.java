package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A project's tokens cannot make the gate read another tenant's real-user trends: deployments name only tenants ops
 * bound to the project, and only ops binds them; a deployment's time lies in the last day.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class DeploymentScopeTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";

    @Test
    void shouldJudgeDeploymentsOnlyByTenantsOpsBoundToTheProject() {
        String project = "scoped-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("id", project))
                .post("/v1/projects").then().statusCode(201).extract().jsonPath();
        String ci = "Bearer " + created.getString("tokens.CI");
        String admin = "Bearer " + created.getString("tokens.ADMIN");

        deploy(ci, project, "someone-elses-tenant", Instant.now()).then().statusCode(403)
                .body("error", equalTo("tenant_not_bound"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("tenants", List.of("own-tenant")))
                .put("/v1/projects/{id}/tenants", project).then().statusCode(403)
                .body("error", equalTo("insufficient_scope"));

        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("tenants", List.of("own-tenant")))
                .put("/v1/projects/{id}/tenants", project).then().statusCode(200).body("tenants", contains("own-tenant"));
        given().header("Authorization", ci).get("/v1/projects/{id}/tenants", project).then().statusCode(200)
                .body("tenants", contains("own-tenant"));
        deploy(ci, project, "someone-elses-tenant", Instant.now()).then().statusCode(403);
        deploy(ci, project, "own-tenant", Instant.now().minus(Duration.ofDays(30))).then().statusCode(400)
                .body("error", equalTo("invalid_at"));
        deploy(ci, project, "own-tenant", Instant.now().plus(Duration.ofHours(1))).then().statusCode(400);
        deploy(ci, project, "own-tenant", Instant.now().minus(Duration.ofMinutes(10))).then().statusCode(201);

        assertThat(given().header("Authorization", OPS).get("/v1/audit?project=" + project).then().statusCode(200)
                .extract().jsonPath().getList("action", String.class)).as("newest first").startsWith("deploy", "bind_tenants");
        assertThat(given().header("Authorization", admin).get("/v1/audit").then().statusCode(200).extract().jsonPath()
                .getList("project", String.class)).as("a project's admin reads its own").containsOnly(project);
        given().header("Authorization", ci).get("/v1/audit").then().statusCode(403);
        String stranger = "Bearer " + given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("id", project + "-x")).post("/v1/projects").then().statusCode(201).extract().path("tokens.ADMIN");
        given().header("Authorization", stranger).get("/v1/audit?project=" + project).then().statusCode(404);
    }

    private static io.restassured.response.Response deploy(String token, String project, String tenant, Instant at) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("project", project, "environment", "production", "version", "v1", "tenants", List.of(tenant),
                        "at", at.toString()))
                .post("/v1/deployments");
    }
}

package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A project's webhook URL and secret, GitHub token and inbound-hook secret are ciphertext in their tables. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class StoredSecretsTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";

    @Inject
    AgroalDataSource db;

    @Test
    void shouldStoreProjectSecretsEncrypted() throws Exception {
        String project = "sealed-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("id", project))
                .post("/v1/projects").then().statusCode(201);
        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.216.34/hook-url-part", "secret", "project-hook-secret-part"))
                .put("/v1/projects/{id}/webhook", project).then().statusCode(200);
        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("repository", "wedsync/web", "token", "ghp_github_token_part"))
                .put("/v1/projects/{id}/github", project).then().statusCode(200);
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("tenants", List.of("tenant-a")))
                .put("/v1/projects/{id}/tenants", project).then().statusCode(200);
        String hookSecret = given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("tenants", List.of("tenant-a"))).put("/v1/projects/{id}/inbound-hook", project)
                .then().statusCode(200).extract().path("secret");

        String stored = String.join(" ", value("SELECT url FROM project_webhooks WHERE project = ?", project),
                value("SELECT secret FROM project_webhooks WHERE project = ?", project),
                value("SELECT token FROM project_github WHERE project = ?", project),
                value("SELECT secret FROM inbound_hooks WHERE project = ?", project));
        assertThat(stored.split(" ")).hasSize(4).allMatch(v -> v.startsWith("enc:v1:"));
        assertThat(stored).doesNotContain("hook-url-part", "project-hook-secret-part", "ghp_github_token_part", hookSecret);
    }

    private String value(String query, String project) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, project);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(query).isTrue();
                return r.getString(1);
            }
        }
    }
}

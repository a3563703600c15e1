package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A project's webhook and GitHub API URL cannot point our servers at internal networks (SSRF); the test profile
 * allows only the host {@code 127.0.0.1} as written, as ops would allow an on-premises receiver.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class OutboundAttackTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static final String SECRET = "project-hook-secret-0123";

    @Test
    void shouldRefuseProjectWebhooksAndGitHubApiUrlsOffThePublicInternet() {
        String project = "ssrf-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("id", project))
                .post("/v1/projects").then().statusCode(201);
        for (String internal : new String[]{"http://localhost:8080/hook", "https://localhost/hook",
                "https://169.254.169.254/latest/meta-data/", "https://192.168.0.10/hook", "https://[::1]/hook",
                "http://93.184.216.34/hook"}) {
            assertRefused(given().header("Authorization", OPS).contentType(ContentType.JSON)
                    .body(Map.of("url", internal, "secret", SECRET)).put("/v1/projects/{id}/webhook", project), internal);
            assertRefused(given().header("Authorization", OPS).contentType(ContentType.JSON)
                    .body(Map.of("apiUrl", internal, "repository", "wedsync/web", "token", "ghp_test_token"))
                    .put("/v1/projects/{id}/github", project), internal);
        }
    }

    private static void assertRefused(Response response, String url) {
        assertThat(response.statusCode()).as("%s: %s", url, response.asString()).isEqualTo(400);
        assertThat(response.jsonPath().getString("error")).isEqualTo("invalid_url");
        assertThat(response.asString()).as("never echoes the URL").doesNotContain(url);
    }
}

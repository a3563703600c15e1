package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Commit statuses reach a fake GitHub API as GitHub expects them: path, token, state, context, ≤ 140 characters. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class GitHubStatusTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";

    @Test
    void shouldSetSuccessAndFailureStatusesOnTheCommit() throws Exception {
        List<String[]> calls = new CopyOnWriteArrayList<>();
        HttpServer github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/", exchange -> {
            calls.add(new String[]{exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            byte[] answer = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        github.start();
        try {
            String project = "gh-" + UUID.randomUUID().toString().substring(0, 8);
            String ci = "Bearer " + given().header("Authorization", OPS).contentType(ContentType.JSON)
                    .body(Map.of("id", project)).post("/v1/projects").then().statusCode(201).extract().path("tokens.CI");
            given().header("Authorization", OPS).contentType(ContentType.JSON)
                    .body(Map.of("apiUrl", "http://127.0.0.1:" + github.getAddress().getPort(), "repository", "wedsync/web",
                            "token", "ghp_test_token")).put("/v1/projects/{id}/github", project).then().statusCode(200);

            validate(ci, Builds.request(project, "ok-1", "abcdef1", "main", null, 180 * 1024, 2000, 2010, 1990));
            validate(ci, Builds.request(project, "heavy-1", "abcdef2", "feature/x", null, 600 * 1024, 2000, 2010, 1990));

            assertThat(calls).hasSize(2);
            assertThat(calls.get(0)[0]).isEqualTo("/repos/wedsync/web/statuses/abcdef1");
            assertThat(calls.get(0)[1]).isEqualTo("Bearer ghp_test_token");
            JsonNode passed = new ObjectMapper().readTree(calls.get(0)[2]);
            assertThat(passed.path("state").asText()).isEqualTo("success");
            assertThat(passed.path("context").asText()).isEqualTo("wedsync-perf/gate");
            assertThat(passed.path("target_url").asText()).endsWith("/v1/gates/ok-1/report.md?project=" + project);
            JsonNode failed = new ObjectMapper().readTree(calls.get(1)[2]);
            assertThat(failed.path("state").asText()).isEqualTo("failure");
            assertThat(failed.path("description").asText()).startsWith("Performance gate failed: bundle 'main'").hasSizeLessThanOrEqualTo(140);
        } finally {
            github.stop(0);
        }
    }

    private static void validate(String token, Map<String, Object> body) {
        given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/v1/gates/validate")
                .then().statusCode(200);
    }
}

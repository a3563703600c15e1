package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** deploy/ci/gate.sh as a CI job runs it, against the running gate: exit 0 when passed, 1 when a budget breaks, the repository's budget file applied. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class GateScriptTest {

    private static final Path SCRIPT = Path.of("..", "deploy", "ci", "gate.sh").toAbsolutePath().normalize();

    @Test
    void shouldPassTheJobWithinBudgetAndFailItWithABundleOver() throws Exception {
        assumeTrue(onPath("jq") && onPath("curl"), "deploy/ci/gate.sh needs jq and curl, as CI runners have");
        String project = "ci-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().header("Authorization", "Bearer test-ops-token-0123456789abcdef0123").contentType(ContentType.JSON)
                .body(Map.of("id", project)).post("/v1/projects").then().statusCode(201).extract().path("tokens.CI");
        Path job = Files.createTempDirectory("ci-job");
        Files.createDirectories(job.resolve(".lighthouseci"));
        for (int run = 1; run <= 3; run++) {
            try (InputStream lhr = getClass().getResourceAsStream("/lhr/lhr-home-1.json")) {
                Files.copy(lhr, job.resolve(".lighthouseci/lhr-" + run + ".json"));
            }
        }
        Files.writeString(job.resolve("stats.json"), "{\"assets\":[{\"name\":\"main.js\",\"size\":409600}]}");

        Result passed = run(job, project, token, "build-1", null);
        assertThat(passed.exit()).as(passed.output()).isZero();
        assertThat(passed.output()).contains("gate: PASSED");
        assertThat(Files.readString(job.resolve("gate-report.md"))).contains("Performance gate: passed");

        Result failed = run(job, project, token, "build-2", "stats.json");
        assertThat(failed.exit()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("blocking: bundle 'main' (main.js)").contains("gate: FAILED");

        Result queued = run(job, project, token, "build-4", "stats.json", Map.of("GATE_ASYNC", "1"));
        assertThat(queued.exit()).as(queued.output()).isEqualTo(1);
        assertThat(queued.output()).contains("gate: QUEUED").contains("blocking: bundle 'main' (main.js)")
                .contains("gate: FAILED");

        Files.writeString(job.resolve("perf-budget.json"), "{\"minScores\":{\"performance\":99},\"maxAudits\":{},"
                + "\"bundles\":[],\"aggregation\":\"MEDIAN\",\"regressionTolerance\":0.05}");
        Result stricter = run(job, project, token, "build-3", null);
        assertThat(stricter.exit()).as(stricter.output()).isEqualTo(1);
        assertThat(stricter.output()).contains("blocking: performance score 96").contains("below 99");

    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path job, String project, String token, String build, String stats) throws Exception {
        return run(job, project, token, build, stats, Map.of());
    }

    private static Result run(Path job, String project, String token, String build, String stats,
                              Map<String, String> extra) throws Exception {
        ProcessBuilder process = new ProcessBuilder("bash", SCRIPT.toString()).directory(job.toFile()).redirectErrorStream(true);
        Map<String, String> env = process.environment();
        env.put("GATE_URL", "http://localhost:" + RestAssured.port);
        env.put("GATE_CI_TOKEN", token);
        env.put("GATE_PROJECT", project);
        env.put("BUILD_ID", build);
        env.put("GIT_SHA", "1234abcd");
        env.put("BRANCH", "main");
        if (stats != null) {
            env.put("BUNDLE_STATS", stats);
        }
        env.putAll(extra);
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(started.exitValue(), output);
    }

    private static boolean onPath(String tool) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    }
}

package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lighthouse results uploaded as files (multipart), and builds queued with Prefer: respond-async, then polled. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class GateUploadTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String project;
    private static String ci;

    @BeforeEach
    void createProjectOnce() {
        if (project != null) {
            return;
        }
        project = "upload-" + UUID.randomUUID().toString().substring(0, 8);
        ci = "Bearer " + given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("id", project)).post("/v1/projects").then().statusCode(201).extract().path("tokens.CI");
    }

    @Test
    void shouldDecideABuildUploadedAsFilesAndNameTheBundleOverBudget() throws Exception {
        Map<String, Object> build = Builds.request(project, "files-1", "abcabc1", "feature/upload", null, 400 * 1024,
                2000, 2010, 1990);
        RequestSpecification upload = files(build);
        JsonPath result = upload.post("/v1/gates/validate").then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("status")).isEqualTo("FAILED");
        assertThat(result.getString("buildId")).isEqualTo("files-1");
        assertThat(result.getMap("metrics")).isNotEmpty();
        assertThat(result.getList("blockingReasons", String.class)).singleElement().asString()
                .contains("bundle 'main'").contains("dist/main.4f1c.js");
    }

    @Test
    void shouldNameTheUploadedFileThatIsNotJsonAndRefuseUnknownParts() {
        given().header("Authorization", ci).multiPart("project", project).multiPart("buildId", "files-bad")
                .multiPart("gitSha", "abcabc2").multiPart("branch", "main")
                .multiPart("lighthouse", "lhr-1.json", "{\"lhr\": trunc".getBytes(), "application/json")
                .post("/v1/gates/validate").then().statusCode(400).body("error", equalTo("invalid_json"))
                .body("detail", containsString("lighthouse file 'lhr-1.json' is not JSON"));
        given().header("Authorization", ci).multiPart("project", project).multiPart("buildId", "files-bad")
                .multiPart("gitSha", "abcabc2").multiPart("branch", "main")
                .multiPart("screenshots", "shot.json", "{}".getBytes(), "application/json")
                .post("/v1/gates/validate").then().statusCode(400).body("error", equalTo("unknown_part"))
                .body("detail", containsString("'screenshots'"));
    }

    @Test
    void shouldQueueABuildOnRequestAndLetItBePolledUntilDecided() {
        Map<String, Object> build = Builds.request(project, "queued-1", "abcabc3", "main", null, 180 * 1024, 2000, 2010, 1990);
        Response accepted = given().header("Authorization", ci).header("Prefer", "respond-async").contentType(ContentType.JSON)
                .body(build).post("/v1/gates/validate");
        accepted.then().statusCode(202).header("Preference-Applied", "respond-async")
                .header("Location", containsString("/v1/gates/queued-1?project=" + project)).body("status", equalTo("QUEUED"));
        String validationId = accepted.path("validationId");

        JsonPath decided = poll("queued-1");
        assertThat(decided.getString("status")).isEqualTo("PASSED");
        assertThat(decided.getString("validationId")).as("the id given when queued").isEqualTo(validationId);
        assertThat(decided.getMap("metrics")).isNotEmpty();

        given().header("Authorization", ci).header("Prefer", "respond-async").contentType(ContentType.JSON).body(build)
                .post("/v1/gates/validate").then().statusCode(409).body("error", equalTo("build_exists"));
    }

    @Test
    void shouldRejectAQueuedBuildWhoseInputIsInvalidSayingWhy() {
        Map<String, Object> build = Builds.request(project, "queued-bad", "abcabc4", "main", null, 180 * 1024, 2000, 2010);
        @SuppressWarnings("unchecked")
        List<Object> runs = (List<Object>) build.get("lighthouse");
        runs.set(1, Map.of("assets", List.of()));
        given().header("Authorization", ci).header("Prefer", "respond-async").contentType(ContentType.JSON).body(build)
                .post("/v1/gates/validate").then().statusCode(202);
        JsonPath rejected = poll("queued-bad");
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.getList("blockingReasons", String.class)).singleElement().asString()
                .contains("lighthouse[1]").contains("not a Lighthouse result");

        runs.set(1, runs.get(0));
        given().header("Authorization", ci).header("Prefer", "respond-async").contentType(ContentType.JSON).body(build)
                .post("/v1/gates/validate").then().statusCode(202);
        assertThat(poll("queued-bad").getString("status")).as("a rejected build may be sent again").isEqualTo("PASSED");
    }

    @Test
    void shouldRefuseAQueuedBuildMissingItsIdentityAtOnce() {
        Map<String, Object> build = Builds.request(project, "queued-nosha", "abcabc5", "main", null, 180 * 1024, 2000);
        build.remove("gitSha");
        given().header("Authorization", ci).header("Prefer", "respond-async").contentType(ContentType.JSON).body(build)
                .post("/v1/gates/validate").then().statusCode(400).body("error", equalTo("missing_gitSha"));
    }

    private static JsonPath poll(String buildId) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().header("Authorization", ci).get("/v1/gates/" + buildId).then().statusCode(200).extract().jsonPath();
            String status = last[0].getString("status");
            return !status.equals("QUEUED") && !status.equals("RUNNING");
        });
        return last[0];
    }

    /** The build as CI uploads it: fields, one file per Lighthouse run, a bundles file, a k6 summary file. */
    private static RequestSpecification files(Map<String, Object> build) throws Exception {
        RequestSpecification spec = given().header("Authorization", ci);
        for (String field : List.of("project", "buildId", "environment", "gitSha", "branch", "baseBranch")) {
            spec = spec.multiPart(field, String.valueOf(build.get(field)));
        }
        int run = 1;
        for (Object lhr : (List<?>) build.get("lighthouse")) {
            spec = spec.multiPart("lighthouse", "lhr-" + run++ + ".json", JSON.writeValueAsBytes(lhr), "application/json");
        }
        spec = spec.multiPart("bundles", "stats.json", JSON.writeValueAsBytes(build.get("bundles")), "application/json");
        return spec.multiPart("loadTest", "summary.json", JSON.writeValueAsBytes(build.get("loadTest")), "application/json");
    }
}

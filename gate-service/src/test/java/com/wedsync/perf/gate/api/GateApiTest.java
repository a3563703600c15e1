package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.model.event.GateDecision;
import com.wedsync.perf.model.event.GateStatus;
import com.wedsync.perf.model.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate over HTTP with a real PostgreSQL: budgets, baselines by ancestor, significant regressions, bad input. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class GateApiTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static final long MAIN_OK = 180 * 1024;
    private static String project;
    private static String ci;
    private static String read;

    /** Once per class, but after Quarkus has started (a static @BeforeAll runs before rest-assured knows the port). */
    @BeforeEach
    void createProjectOnce() {
        if (project != null) {
            return;
        }
        project = "web-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("id", project, "name", "WedSync web")).post("/v1/projects")
                .then().statusCode(201).extract().jsonPath();
        ci = "Bearer " + created.getString("tokens.CI");
        read = "Bearer " + created.getString("tokens.READ");
        JsonPath base = validate(Builds.request(project, "main-1", "aaaaaaa1", "main", null, MAIN_OK, 2000, 2020, 1990, 2010, 2005));
        assertThat(base.getString("status")).isEqualTo("PASSED");
        assertThat(base.getList("warnings", String.class)).anyMatch(w -> w.startsWith("no baseline yet"));
    }

    @Test
    void shouldFailABundleTwoHundredKibOverBudgetAndNameIt() {
        JsonPath result = validate(Builds.request(project, "heavy-1", "bbbbbbb1", "feature/gallery", "aaaaaaa1",
                400 * 1024, 2000, 2010, 1995, 2005, 2001));
        assertThat(result.getString("status")).isEqualTo("FAILED");
        assertThat(result.getList("blockingReasons", String.class)).singleElement().asString()
                .contains("bundle 'main'").contains("dist/main.4f1c.js").contains("200.0 KiB over");
    }

    @Test
    void shouldFailAConsistentTenPercentSlowdownAgainstTheAncestorsBuild() {
        JsonPath result = validate(Builds.request(project, "slow-1", "ccccccc1", "feature/timeline", "aaaaaaa1",
                MAIN_OK, 2200, 2210, 2190, 2230, 2205));
        assertThat(result.getString("status")).isEqualTo("FAILED");
        assertThat(result.getString("baseline.buildId")).isEqualTo("main-1");
        assertThat(result.getString("baseline.chosenBecause")).contains("ancestor aaaaaaa1");
        assertThat(result.getList("blockingReasons", String.class)).singleElement().asString()
                .contains("regressed: largest-contentful-paint").contains("Mann-Whitney U");

        given().header("Authorization", read).get("/v1/gates/slow-1/regressions").then().statusCode(200)
                .body("regressions[0].metric", equalTo("largest-contentful-paint"))
                .body("regressions[0].outcome", equalTo("REGRESSED"));
        given().header("Authorization", read).get("/v1/gates/slow-1/report.md").then().statusCode(200)
                .body(containsString("Performance gate: failed")).body(containsString("| largest-contentful-paint |"));
    }

    @Test
    void shouldOnlyWarnWhenTheSlowdownIsWithinNoise() {
        JsonPath result = validate(Builds.request(project, "noisy-1", "ddddddd1", "feature/rsvp", "aaaaaaa1",
                MAIN_OK, 2420, 1800, 2550, 1850, 2400));
        assertThat(result.getString("status")).isEqualTo("PASSED");
        assertThat(result.getList("warnings", String.class)).anyMatch(w -> w.startsWith("worse but within run-to-run noise"));
    }

    @Test
    void shouldRefuseBadInputNamingWhatIsWrong() {
        given().header("Authorization", ci).contentType(ContentType.JSON).body("{\"project\":\"" + project + "\",\"buildId\":")
                .post("/v1/gates/validate").then().statusCode(400).body("error", equalTo("invalid_json"));
        Map<String, Object> notLighthouse = Builds.request(project, "bad-1", "eeeeeee1", "main", null, MAIN_OK, 2000);
        notLighthouse.put("lighthouse", List.of(Map.of("assets", List.of())));
        given().header("Authorization", ci).contentType(ContentType.JSON).body(notLighthouse).post("/v1/gates/validate")
                .then().statusCode(400).body("detail", containsString("lighthouse[0]")).body("detail", containsString("not a Lighthouse result"));
        given().header("Authorization", "Bearer nope-nope-nope").contentType(ContentType.JSON)
                .body(Builds.request(project, "bad-2", "eeeeeee2", "main", null, MAIN_OK, 2000)).post("/v1/gates/validate")
                .then().statusCode(401);
        given().header("Authorization", read).contentType(ContentType.JSON)
                .body(Builds.request(project, "bad-3", "eeeeeee3", "main", null, MAIN_OK, 2000)).post("/v1/gates/validate")
                .then().statusCode(403);
        given().header("Authorization", OPS).get("/v1/gates/main-1?project=no-such-project").then().statusCode(404);
    }

    @Test
    void shouldSlowDownAProjectSubmittingMoreBuildsThanItsLimit() {
        String flooding = "flood-" + UUID.randomUUID().toString().substring(0, 8);
        String token = "Bearer " + given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("id", flooding)).post("/v1/projects").then().statusCode(201).extract().path("tokens.CI");
        Map<String, Object> invalid = Builds.request(flooding, "flood", "abcdef9", "main", null, MAIN_OK, 2000);
        invalid.put("lighthouse", List.of());
        for (int i = 0; i < 25; i++) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(invalid).post("/v1/gates/validate")
                    .then().statusCode(400);
        }
        given().header("Authorization", token).contentType(ContentType.JSON).body(invalid).post("/v1/gates/validate")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", equalTo("rate_limited"));
    }

    @Test
    void shouldKeepTheHistoryAndLetAdminsPinABaseline() {
        given().header("Authorization", read).get("/v1/gates/history?branch=main").then().statusCode(200)
                .body("[0].buildId", equalTo("main-1"));
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("project", project, "buildId", "main-1"))
                .post("/v1/baselines").then().statusCode(200).body("chosenBecause", containsString("pinned by ops"));
        given().header("Authorization", read).contentType(ContentType.JSON).body(Map.of("project", project, "buildId", "main-1"))
                .post("/v1/baselines").then().statusCode(403);
    }

    @Test
    void shouldHoldACiBuildToItsBudgetFileWithoutSavingItAndAdoptAnAdminsAsANewVersion() {
        Map<String, Object> body = Builds.request(project, "budget-file-1", "fffffff1", "feature/budget", "aaaaaaa1",
                MAIN_OK, 2000, 2010, 1995, 2005, 2001);
        body.put("environment", "preview");
        Map<String, Object> stricter = Map.of("minScores", Map.of("performance", 99.0), "maxAudits", Map.of(),
                "bundles", List.of(), "aggregation", "MEDIAN", "regressionTolerance", 0.05);
        body.put("budget", stricter);
        JsonPath result = validate(body);
        assertThat(result.getString("status")).as("performance 96 < 99 of the file").isEqualTo("FAILED");
        assertThat(result.getInt("budgetVersion")).as("a CI token cannot replace the budget").isEqualTo(0);
        assertThat(result.getList("warnings", String.class)).anyMatch(w -> w.contains("not saved"));
        Map<String, Object> looser = new java.util.HashMap<>(body);
        looser.put("buildId", "budget-file-2");
        looser.put("bundles", List.of(Map.of("name", "dist/main.4f1c.js", "size", 400 * 1024)));
        looser.put("budget", Map.of("minScores", Map.of(), "maxAudits", Map.of(), "bundles", List.of(),
                "aggregation", "MEDIAN", "regressionTolerance", 0.05));
        assertThat(validate(looser).getList("blockingReasons", String.class)).as("a looser file loosens nothing")
                .anyMatch(r -> r.contains("bundle 'main'"));
        given().header("Authorization", read).get("/v1/projects/{id}/budgets/preview", project).then().statusCode(200)
                .body("version", equalTo(0));

        body.put("buildId", "budget-file-3");
        JsonPath adopted = given().header("Authorization", OPS).contentType(ContentType.JSON).body(body)
                .post("/v1/gates/validate").then().statusCode(200).extract().jsonPath();
        assertThat(adopted.getInt("budgetVersion")).isEqualTo(1);
        given().header("Authorization", read).get("/v1/projects/{id}/budgets/preview", project).then().statusCode(200)
                .body("version", equalTo(1)).body("budget.minScores.performance", equalTo(99.0f));
    }

    @Test
    void shouldPublishEveryDecisionToTheGateTopic() {
        List<GateDecision> decisions = new ArrayList<>();
        try (KafkaConsumer<String, GateDecision> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", LocalStack.shared().bootstrapServers(), "group.id", "gate-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), Topics.GATE.keySerde().deserializer(), Topics.GATE.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.GATE.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (project.equals(r.key())) {
                        decisions.add(r.value());
                    }
                });
                return decisions.stream().anyMatch(d -> d.buildId().equals("main-1"));
            });
        }
        GateDecision main = decisions.stream().filter(d -> d.buildId().equals("main-1")).findFirst().orElseThrow();
        assertThat(main.status()).isEqualTo(GateStatus.PASSED);
        assertThat(main.gitSha()).isEqualTo("aaaaaaa1");
    }

    private static JsonPath validate(Map<String, Object> body) {
        return given().header("Authorization", ci).contentType(ContentType.JSON).body(body).post("/v1/gates/validate")
                .then().statusCode(200).extract().jsonPath();
    }
}

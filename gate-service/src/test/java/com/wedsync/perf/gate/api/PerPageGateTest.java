package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One gate call with mobile and desktop runs of several pages, a page budget, and a baseline: a verdict per page and
 * form factor, the page budget where it matches, the default elsewhere, and the opportunities that grew in report.md.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class PerPageGateTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static final String ORIGIN = "https://app.wedsync.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldJudgeEachPageAndFormFactorAgainstItsOwnBudgetAndBaseline() throws IOException {
        String project = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("id", project, "name", "WedSync web")).post("/v1/projects")
                .then().statusCode(201).extract().jsonPath();
        String admin = "Bearer " + created.getString("tokens.ADMIN");
        String ci = "Bearer " + created.getString("tokens.CI");
        Map<String, Object> budget = given().header("Authorization", admin)
                .get("/v1/projects/" + project + "/budgets/staging").then().statusCode(200).extract().jsonPath().getMap("budget");
        budget.put("pages", List.of(Map.of("pattern", "/photos/gallery*", "minScores", Map.of("performance", 85))));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(budget)
                .put("/v1/projects/" + project + "/budgets/staging").then().statusCode(200);
        budget.put("pages", List.of(Map.of("pattern", "photos", "minScores", Map.of("performance", 85))));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(budget)
                .put("/v1/projects/" + project + "/budgets/staging").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("invalid_budget"));

        List<JsonNode> baseline = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            baseline.add(run("/photos/gallery", "mobile", 0.88, 164_000, 900));
            baseline.add(run("/photos/gallery", "desktop", 0.97, 164_000, 300));
        }
        JsonPath main = validate(ci, request(project, "main-1", "aaaaaaa1", "main", baseline));
        assertThat(main.getString("status")).as("the gallery at 88 passes its page budget of 85").isEqualTo("PASSED");
        assertThat(main.getInt("metrics.lighthouse.'" + ORIGIN + "/photos/gallery (mobile)'.runs")).isEqualTo(5);
        assertThat(main.getInt("metrics.lighthouse.'" + ORIGIN + "/photos/gallery (desktop)'.runs")).isEqualTo(5);

        List<JsonNode> candidate = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            candidate.add(run("/photos/gallery", "mobile", 0.88, 464_000, 1800));
            candidate.add(run("/photos/gallery", "desktop", 0.97, 164_000, 300));
            candidate.add(run("/dashboard", "mobile", 0.88, 0, 0));
        }
        JsonPath feature = validate(ci, request(project, "feature-1", "bbbbbbb1", "feature/gallery", candidate));

        assertThat(feature.getString("status")).isEqualTo("FAILED");
        assertThat(feature.getList("blockingReasons", String.class)).containsExactly(
                "performance score 88 on " + ORIGIN + "/dashboard (mobile) is below 90");
        assertThat(feature.getList("comparison.findAll { it.metric == 'performance' }.formFactor", String.class))
                .containsExactlyInAnyOrder("mobile", "desktop");
        assertThat(feature.getList("grownOpportunities.audit", String.class)).containsExactly("modern-image-formats");
        String report = given().header("Authorization", ci).get("/v1/gates/feature-1/report.md?project=" + project)
                .then().statusCode(200).extract().asString();
        assertThat(report).contains("**Lighthouse opportunities that grew** (against main-1)")
                .contains("- modern-image-formats: +300 KB, LCP +900 ms on " + ORIGIN + "/photos/gallery (mobile)")
                .contains("| " + ORIGIN + "/photos/gallery (desktop) | performance |");
    }

    private static Map<String, Object> request(String project, String buildId, String sha, String branch, List<JsonNode> runs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", project);
        body.put("buildId", buildId);
        body.put("environment", "staging");
        body.put("gitSha", sha);
        body.put("branch", branch);
        body.put("baseBranch", "main");
        body.put("lighthouse", runs);
        return body;
    }

    /** The real Lighthouse 12.8.2 report of the RSVP page, as another page, score and form factor. */
    private static JsonNode run(String path, String formFactor, double performance, double imageBytes, double imageLcpMs)
            throws IOException {
        ObjectNode lhr;
        try (InputStream in = PerPageGateTest.class.getResourceAsStream("/lhr/rsvp-lighthouse-12.8.2.json")) {
            lhr = (ObjectNode) JSON.readTree(in);
        }
        lhr.put("finalDisplayedUrl", ORIGIN + path).put("finalUrl", ORIGIN + path).put("requestedUrl", ORIGIN + path);
        ((ObjectNode) lhr.path("configSettings")).put("formFactor", formFactor);
        ((ObjectNode) lhr.path("categories").path("performance")).put("score", performance);
        ObjectNode image = (ObjectNode) lhr.path("audits").path("modern-image-formats");
        ((ObjectNode) image.path("details")).put("overallSavingsBytes", imageBytes);
        ((ObjectNode) image.path("metricSavings")).put("LCP", imageLcpMs);
        return lhr;
    }

    private static JsonPath validate(String ci, Map<String, Object> body) {
        return given().header("Authorization", ci).contentType(ContentType.JSON).body(body).post("/v1/gates/validate")
                .then().statusCode(200).extract().jsonPath();
    }
}

package com.wedsync.perf.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.LabFinding;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.vitals.Metric;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /v1/diagnostics over the real broker: a page's INP causes once their minute closes, for its tenant only. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DiagnosticsApiTest {

    private static final String TENANT = TestData.uniqueTenant("diag-a");
    private static final String OTHER = TestData.uniqueTenant("diag-b");
    private static final String ROUTE = "/weddings/:id/guests";
    private static final String HERO = "https://cdn.wedsync.example/img/hero.png";
    private static String tenantToken;
    private static String otherToken;

    @BeforeAll
    static void sendAMinuteOfAttributedInteractions() {
        tenantToken = "Bearer " + TestData.tenantWithReadToken(TENANT);
        otherToken = "Bearer " + TestData.tenantWithReadToken(OTHER);
        Instant at = Instant.now(); // its minute closes within a minute and the grace, whatever ran in this app before
        List<RumMetric> metrics = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String target = i < 28 ? "button#save-rsvp" : "div.filters>input.search";
            double value = i % 4 == 3 ? 120 : 650;
            Map<String, Double> parts = i < 28 ? Map.of("inputDelay", 15.0, "processingDuration", value - 65, "presentationDelay", 50.0)
                    : Map.of("inputDelay", value - 80, "processingDuration", 40.0, "presentationDelay", 40.0);
            metrics.add(RumMetric.of(TENANT, ROUTE, Metric.INP, value, DeviceClass.DESKTOP, null, "navigate", "i-" + i,
                    null, at, Attribution.kept("INP", target, "pointer", "https://app.wedsync.example/static/js/guests.3f9a1c2b.js",
                            "event-listener", null, null, null, null, parts)));
        }
        for (int i = 0; i < 10; i++) {
            metrics.add(RumMetric.of(TENANT, ROUTE, Metric.LCP, 4500, DeviceClass.DESKTOP, null, "navigate", "l-" + i,
                    null, at, Attribution.kept("LCP", "main>img.hero", null, null, null, HERO + "?v=" + i, null, null,
                            null, Map.of("timeToFirstByte", 300.0, "resourceLoadDelay", 2500.0,
                                    "resourceLoadDuration", 800.0, "elementRenderDelay", 900.0))));
            metrics.add(RumMetric.of(TENANT, ROUTE, Metric.LARGE_RESOURCE, 350 * 1024, DeviceClass.DESKTOP, null,
                    "navigate", "r-" + i, null, at, Attribution.kept("LARGE_RESOURCE", null, null, null, null, HERO,
                            "img", "h2", 350.0 * 1024, null)));
            metrics.add(RumMetric.of(TENANT, ROUTE, Metric.LARGE_RESOURCE, 300 * 1024, DeviceClass.DESKTOP, null,
                    "navigate", "w-" + i, null, at, Attribution.kept("LARGE_RESOURCE", null, null, null, null,
                            "https://cdn.wedsync.example/img/venue.webp", "img", "h2", 300.0 * 1024, null)));
        }
        for (int i = 0; i < 20; i++) {
            metrics.add(RumMetric.of(TENANT, ROUTE, Metric.TTFB, 0, DeviceClass.DESKTOP, null, "soft-navigation",
                    "s-" + i, null, at));
        }
        TestData.send(metrics);
        // The gate's findings for the route: the image conversion saves 900 ms of LCP in the lab, which brings the 10
        // poor LCPs at 4.5 s under 4 s; a finding for another tenant's key, one that claims another tenant under this
        // tenant's key, and bytes that are not findings at all are each skipped.
        TestData.sendLabFindings(new LabFindings(TENANT, ROUTE, "web", "main-42", "abc1234", "12.8.2", at, List.of(
                new LabFinding("modern-image-formats", "Serve images in next-gen formats", "opportunity",
                        Map.of("LCP", 900.0), 164062, HERO),
                new LabFinding("uses-text-compression", "Enable text compression", "opportunity", Map.of("FCP", 150.0),
                        40000, null))));
        TestData.sendLabFindings(new LabFindings(OTHER, "/private", "web", "main-42", "abc1234", "12.8.2", at, List.of(
                new LabFinding("viewport", "Has no viewport", "diagnostic", Map.of("INP", 300.0), 0, null))));
        TestData.sendLabFindings(LabFindings.key(TENANT, "/stolen"), new LabFindings(OTHER, "/stolen", "web", "main-42",
                "abc1234", "12.8.2", at, List.of(new LabFinding("viewport", "Has no viewport", "diagnostic",
                        Map.of("INP", 300.0), 0, null))));
        TestData.sendUnreadableLabFindings(LabFindings.key(TENANT, "/broken"));
    }

    @Test
    void shouldNameTheSelectorThatCausesMostPoorInteractionsWithItsPhase() {
        JsonPath diagnosis = awaitDiagnosis();
        assertThat(diagnosis.getLong("samples")).isEqualTo(40);
        assertThat(diagnosis.getLong("poor")).isEqualTo(30);
        assertThat(diagnosis.getString("causes[0].cause")).isEqualTo("button#save-rsvp");
        assertThat(diagnosis.getDouble("causes[0].share")).isEqualTo(0.7);
        assertThat(diagnosis.getString("causes[0].phase")).isEqualTo("processing");
        assertThat(diagnosis.getString("causes[0].detail")).isEqualTo(
                "https://app.wedsync.example/static/js/guests.*.js (event-listener)");
        assertThat(diagnosis.getString("causes[1].cause")).isEqualTo("div.filters>input.search");
        assertThat(diagnosis.getString("causes[1].phase")).isEqualTo("input-delay");
        assertThat(diagnosis.getDouble("parts.processingDuration")).isGreaterThan(400);
    }

    @Test
    void shouldRecommendTheHandlerTheImageAndThePreloadOrderedByPoorExperiencesAvoided() {
        awaitDiagnosis();
        JsonPath advice = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().header("Authorization", tenantToken)
                        .get("/v1/recommendations/pages?tenant=" + TENANT + "&window=2h").then().statusCode(200)
                        .extract().jsonPath(), json -> json.getList("recommendations").size() >= 6);
        List<Map<String, Object>> list = advice.getList("recommendations");
        assertThat(list).extracting(r -> r.get("rule") + " " + r.get("target")).containsExactly(
                "inp-long-handler button#save-rsvp",
                "lcp-preload " + HERO,
                "image-format " + HERO,
                "lighthouse-modern-image-formats " + HERO,
                "inp-input-delay div.filters>input.search",
                "lighthouse-uses-text-compression the page");
        // 21 poor interactions with the button in a 2-hour window: 252 a day; the 10 poor LCPs of the image: 120
        assertThat(advice.getDouble("recommendations[0].poorAvoidedPerDay")).isEqualTo(252.0);
        assertThat(advice.getDouble("recommendations[2].poorAvoidedPerDay")).isEqualTo(120.0);
        assertThat(advice.getDouble("recommendations[3].poorAvoidedPerDay")).as("the lab's image saving").isEqualTo(120.0);
        assertThat(advice.getString("recommendations[3].evidence")).startsWith("Lighthouse 12.8.2 on build main-42 (abc1234)");
        assertThat(advice.getDouble("recommendations[5].poorAvoidedPerDay")).as("no FCP from real users").isEqualTo(0.0);
        assertThat(advice.getString("recommendations[0].action")).contains("guests.*.js");
        assertThat(advice.getString("recommendations[2].evidence")).matches("p75 3[3-6][0-9] KB over 10 loads; the largest element of 10 poor LCPs");
        assertThat(list).as("nothing from the unreadable or the mislabelled findings")
                .allMatch(r -> ROUTE.equals(r.get("route")));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("perf_lab_findings_unreadable_total"));
        assertThat(list).as("the WebP image is not asked to convert")
                .noneMatch(r -> String.valueOf(r.get("target")).endsWith(".webp"));

        given().header("Authorization", otherToken).get("/v1/recommendations/pages?tenant=" + TENANT).then().statusCode(404);
        given().header("Authorization", otherToken).get("/v1/recommendations/pages?tenant=" + OTHER).then().statusCode(200)
                .body("recommendations.rule", org.hamcrest.Matchers.contains("lighthouse-viewport"))
                .body("recommendations[0].route", equalTo("/private"));
        given().header("Authorization", tenantToken).get("/v1/recommendations/pages").then().statusCode(400)
                .body("error", equalTo("missing_tenant"));
    }

    @Test
    void shouldTrendSoftNavigationsApart() {
        // A 503 (stores not queryable yet, right after start) is an answer to wait past, not a failure.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            io.restassured.response.Response answer = given().header("Authorization", tenantToken)
                    .get("/v1/trends?tenant=" + TENANT + "&route=" + ROUTE + "&metric=TTFB@soft-navigation&device=desktop");
            return answer.statusCode() == 200 && answer.jsonPath().getList("points").size() == 1;
        });
        given().header("Authorization", tenantToken)
                .get("/v1/trends?tenant=" + TENANT + "&route=" + ROUTE + "&metric=TTFB&device=desktop")
                .then().statusCode(200).body("points.size()", equalTo(0));
    }

    @Test
    void shouldHideOtherTenantsAndAnswerBadQueriesWithJsonErrors() {
        awaitDiagnosis();
        given().header("Authorization", otherToken).get(url(TENANT, "INP")).then().statusCode(404);
        given().get(url(TENANT, "INP")).then().statusCode(401);
        given().header("Authorization", tenantToken).get("/v1/diagnostics?tenant=" + TENANT + "&metric=INP")
                .then().statusCode(400).body("error", equalTo("missing_route"));
        given().header("Authorization", tenantToken).get(url(TENANT, "SPEED"))
                .then().statusCode(400).body("error", equalTo("invalid_metric"));
        given().header("Authorization", tenantToken).get(url(TENANT, "INP@teleport"))
                .then().statusCode(400).body("error", equalTo("invalid_metric"));
        given().header("Authorization", tenantToken).get(url(TENANT, "INP").replace("window=2h", "window=forever"))
                .then().statusCode(400).body("error", equalTo("invalid_window"));
        given().header("Authorization", tenantToken).get(url(TENANT, "CLS"))
                .then().statusCode(200).body("samples", equalTo(0)).body("causes.size()", equalTo(0));
    }

    private static JsonPath awaitDiagnosis() {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().header("Authorization", tenantToken).get(url(TENANT, "INP")).jsonPath(),
                        json -> json.get("samples") != null && json.getLong("samples") > 0);
    }

    private static String url(String tenant, String metric) {
        return "/v1/diagnostics?tenant=" + tenant + "&route=" + ROUTE + "&metric=" + metric + "&device=desktop&window=2h";
    }
}

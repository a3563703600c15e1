package com.wedsync.perf.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.serde.Json;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.platform.RumTopic;
import com.wedsync.perf.platform.RunningPlatform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A real client end to end: a page loading Google's web-vitals (from npm) in headless Chromium reports with
 * {@code navigator.sendBeacon} when it is hidden; the metrics reach {@code perf.rum.v1} for the page's route and
 * then the trends.
 */
class WebVitalsBrowserIT {

    private static final String TENANT = "browser-lab";
    private static final String INGEST_KEY = "pk_browser_lab";
    private static final String ROUTE = "/weddings/:id/guests";

    @TempDir
    Path dataDir;

    @Test
    void shouldCarryABrowsersWebVitalsIntoKafkaAndTheTrends() throws Exception {
        Path dist = Path.of(System.getProperty("webVitals.dist", "target/npm/node_modules/web-vitals/dist"));
        try (RunningPlatform platform = RunningPlatform.start("WebVitalsBrowserIT", dataDir);
             LabPage page = LabPage.start(dist, platform.env("INGEST_URL") + "/v1/rum?key=" + INGEST_KEY);
             HeadlessChromium browser = HeadlessChromium.start()) {
            String readToken = register(platform, page.origin());

            browser.driver().get(page.origin() + "/weddings/2041/guests?from=newsletter");
            browser.await(20, d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return typeof webVitals === 'object' && performance.getEntriesByType('paint').length > 0;"));
            browser.driver().findElement(By.id("add-guest")).click();
            browser.await(10, d -> !d.findElements(By.cssSelector("#guests li")).isEmpty());
            browser.screenshot("10-web-vitals-lab-page");
            // Leaving the page hides it: web-vitals reports LCP, CLS and INP, and the page sends its beacon.
            browser.driver().get("about:blank");

            List<RumMetric> metrics = RumTopic.read(platform.env("KAFKA_BOOTSTRAP_SERVERS"), TENANT, 5,
                    Duration.ofSeconds(60));
            assertThat(metrics).extracting(RumMetric::metric)
                    .contains(Metric.TTFB, Metric.FCP, Metric.LCP, Metric.CLS, Metric.INP);
            assertThat(metrics).extracting(RumMetric::route).containsOnly(ROUTE);
            assertThat(metrics).extracting(RumMetric::device).containsOnly(DeviceClass.DESKTOP);
            assertThat(metrics).filteredOn(m -> m.metric() == Metric.INP).extracting(RumMetric::value)
                    .allSatisfy(inp -> assertThat(inp).as("the 600 ms handler").isGreaterThanOrEqualTo(500.0));

            JsonNode trend = awaitTrend(platform, readToken, Metric.FCP);
            assertThat(trend.path("points").get(0).path("count").asLong()).isEqualTo(1);
            assertThat(trend.path("points").get(0).path("p75").asDouble()).isPositive();

            shouldSayWhyTheAttributionPageIsSlowAndWhatToDo(platform, page, browser, readToken);
            shouldAddTheLabsFindingsToThePagesAdvice(platform, page, readToken);
        }
    }

    /**
     * A CI job's real Lighthouse run of the attribution page, sent to the gate as a main-branch build of a project
     * bound to the lab's tenant: its failing audits join the page's advice, the image conversion among them.
     */
    private void shouldAddTheLabsFindingsToThePagesAdvice(RunningPlatform platform, LabPage page, String readToken)
            throws Exception {
        String ops = platform.env("PERF_OPS_TOKEN");
        String gate = platform.env("GATE_URL");
        JsonNode project = send("POST", gate + "/v1/projects", ops, Map.of("id", "browser-lab-web", "name", "Browser Lab web"));
        send("PUT", gate + "/v1/projects/browser-lab-web/tenants", ops, Map.of("tenants", List.of(TENANT)));
        JsonNode lhr = LighthouseCli.run(page.origin() + LabPage.ATTRIBUTION_PAGE + "?guest=ana@example.com", dataDir);
        System.out.println("[WebVitalsBrowserIT] Lighthouse " + lhr.path("lighthouseVersion").asText() + ": performance "
                + lhr.path("categories").path("performance").path("score").asText());
        JsonNode decision = send("POST", gate + "/v1/gates/validate", project.path("tokens").path("CI").asText(), Map.of(
                "project", "browser-lab-web", "buildId", "main-1", "environment", "staging", "gitSha", "abcdef1",
                "branch", "main", "lighthouse", List.of(lhr)));
        System.out.println("[WebVitalsBrowserIT] gate: " + decision.path("status").asText());

        String route = "/weddings/:id/rsvp";
        String hero = page.origin() + "/img/hero.png";
        JsonNode advice = awaitJson(platform.env("AGGREGATION_URL") + "/v1/recommendations/pages?tenant=" + TENANT
                + "&window=1h", readToken, json -> json.toString().contains("\"lighthouse-modern-image-formats\""));
        List<JsonNode> forRoute = new java.util.ArrayList<>();
        advice.path("recommendations").forEach(r -> {
            if (r.path("route").asText().equals(route)) {
                forRoute.add(r);
            }
        });
        System.out.println("[WebVitalsBrowserIT] advice for " + route + ": " + forRoute);
        assertThat(forRoute).extracting(r -> r.path("rule").asText() + " " + r.path("target").asText())
                .contains("lighthouse-modern-image-formats " + hero, "image-format " + hero);
        assertThat(forRoute).filteredOn(r -> r.path("rule").asText().startsWith("lighthouse-"))
                .allSatisfy(r -> assertThat(r.path("evidence").asText()).startsWith("Lighthouse " + lhr.path("lighthouseVersion").asText()
                        + " on build main-1 (abcdef1)"));
        assertThat(forRoute).extracting(r -> r.path("poorAvoidedPerDay").asDouble())
                .as("ordered by estimated gain").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(advice.toString()).as("no e-mail from the tested URL").doesNotContain("example.com");
    }

    private static JsonNode send(String method, String url, String token, Object body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isBetween(200, 201);
        return Json.mapper().readTree(response.body());
    }

    /**
     * The page built with the attribution build: its 400 ms handler is named as the first INP cause, in processing,
     * and the advice for its route lists breaking up that handler and converting its 350 KB PNG.
     */
    private static void shouldSayWhyTheAttributionPageIsSlowAndWhatToDo(RunningPlatform platform, LabPage page,
                                                                        HeadlessChromium browser, String readToken)
            throws Exception {
        browser.driver().get(page.origin() + LabPage.ATTRIBUTION_PAGE + "?guest=ana@example.com");
        browser.await(20, d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return typeof webVitals === 'object' && document.getElementById('hero').complete"
                        + " && performance.getEntriesByType('paint').length > 0;"));
        browser.driver().findElement(By.id("save-rsvp")).click();
        browser.await(10, d -> d.findElement(By.id("saved")).getText().equals("Saved"));
        browser.screenshot("11-web-vitals-attribution-page");
        browser.driver().get("about:blank");

        // Each step's evidence, so that a failure says where the page's metrics stopped: the beacon, the topic, or
        // the diagnosis.
        browser.driver().get(page.origin() + LabPage.STATUS_PAGE);
        String beacon = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return localStorage.getItem('lastBeacon');");
        System.out.println("[WebVitalsBrowserIT] the attribution page's beacon: " + beacon);
        assertThat(beacon).as("the page sent its beacon").isNotNull();
        String route = "/weddings/:id/rsvp";
        List<RumMetric> published = RumTopic.read(platform.env("KAFKA_BOOTSTRAP_SERVERS"), TENANT, 9,
                Duration.ofSeconds(60));
        List<RumMetric> fromThePage = published.stream().filter(m -> m.route().equals(route)).toList();
        System.out.println("[WebVitalsBrowserIT] published for " + route + ": " + fromThePage);
        assertThat(fromThePage).as("the beacon " + beacon + " reached perf.rum.v1").extracting(RumMetric::metric)
                .contains(Metric.INP, Metric.LCP);
        RumMetric inp = fromThePage.stream().filter(m -> m.metric() == Metric.INP).findFirst().orElseThrow();
        assertThat(inp.attribution()).as("INP's attribution kept").isNotNull();

        JsonNode diagnosis = awaitJson(platform.env("AGGREGATION_URL") + "/v1/diagnostics?tenant=" + TENANT + "&route="
                + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&metric=INP&window=1h", readToken,
                json -> json.path("causes").size() > 0);
        // Chromium does not always let web-vitals see the event's element before the page is hidden; the interaction
        // is then named by its script (the page's inline script), as the aggregation does for such beacons.
        String expectedCause = inp.attribution().target() != null ? "#save-rsvp" : inp.attribution().script();
        System.out.println("[WebVitalsBrowserIT] INP target sent: " + inp.attribution().target());
        assertThat(diagnosis.path("causes").get(0).path("cause").asText()).isEqualTo(expectedCause);
        assertThat(diagnosis.path("causes").get(0).path("phase").asText()).isEqualTo("processing");
        assertThat(diagnosis.path("causes").get(0).path("partMeans").path("processingDuration").asDouble())
                .as("the 400 ms handler").isGreaterThanOrEqualTo(390);

        JsonNode advice = awaitJson(platform.env("AGGREGATION_URL") + "/v1/recommendations/pages?tenant=" + TENANT
                + "&window=1h", readToken, json -> json.path("recommendations").size() >= 2);
        List<JsonNode> forRoute = new java.util.ArrayList<>();
        advice.path("recommendations").forEach(r -> {
            if (r.path("route").asText().equals(route)) {
                forRoute.add(r);
            }
        });
        assertThat(forRoute).extracting(r -> r.path("rule").asText() + " " + r.path("target").asText())
                .contains("inp-long-handler " + expectedCause, "image-format " + page.origin() + "/img/hero.png");
        assertThat(forRoute).extracting(r -> r.path("poorAvoidedPerDay").asDouble())
                .as("ordered by estimated gain").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(advice.toString()).as("no e-mail from the page's URL").doesNotContain("example.com");
    }

    private static JsonNode awaitJson(String url, String readToken, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] body = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + readToken).build(), HttpResponse.BodyHandlers.ofString());
            body[0] = response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
            return body[0] != null && ready.test(body[0]);
        });
        return body[0];
    }

    /** Registers the lab's tenant, allowing the lab page's origin; returns a read token for it. */
    private static String register(RunningPlatform platform, String origin) throws Exception {
        byte[] body = Json.mapper().writeValueAsBytes(Map.of("name", "Browser Lab", "tier", "standard",
                "ingestKeys", List.of(INGEST_KEY), "allowedOrigins", List.of(origin)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.env("INGEST_URL") + "/v1/admin/tenants/" + TENANT))
                .header("Authorization", "Bearer " + platform.env("PERF_OPS_TOKEN"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body()).path("generatedReadToken").asText();
    }

    /** The route's 1-minute desktop points once the beacon's minute closed (the grace is 30 s). */
    private static JsonNode awaitTrend(RunningPlatform platform, String readToken, Metric metric) {
        String url = platform.env("AGGREGATION_URL") + "/v1/trends?tenant=" + TENANT + "&route="
                + URLEncoder.encode(ROUTE, StandardCharsets.UTF_8) + "&metric=" + metric + "&device=desktop&resolution=1m&from="
                + Instant.now().minus(Duration.ofMinutes(10));
        JsonNode[] trend = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + readToken).build(), HttpResponse.BodyHandlers.ofString());
            trend[0] = response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
            return trend[0] != null && trend[0].path("points").size() > 0;
        });
        return trend[0];
    }
}

package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.model.vitals.Metric;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * web-vitals' attribution build, v4 names and v5+ renames, and resource timing entries: what is kept reaches
 * perf.rum.v1 as patterns, and nothing personal does — no query, no e-mail, no id, no text.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RumAttributionTest {

    @Test
    void shouldKeepTheAttributionOfEachVersionAsPatternsWithoutPersonalData() {
        TestTenants.Registered tenant = TestTenants.register("attr");
        try (TopicReader<RouteKey, RumMetric> rum = TopicReader.fromNow(Topics.RUM)) {
            given().queryParam("key", tenant.key()).header("Origin", TestTenants.ORIGIN)
                    .contentType("text/plain;charset=UTF-8").body("""
                            {"page": "https://app.wedsync.example/weddings/8231/guests?email=jane@example.com",
                             "device": "desktop",
                             "metrics": [
                               {"name": "INP", "value": 640, "id": "v5-1-1", "navigationType": "navigate",
                                "attribution": {"interactionTarget": "main>ul>li#guest-8231.row>button#save-rsvp.btn[data-email=\\"jane@example.com\\"]",
                                  "interactionType": "pointer", "inputDelay": 12, "processingDuration": 410,
                                  "presentationDelay": 30, "interactionTargetElement": {"innerText": "Jane Doe"},
                                  "longestScript": {"entry": {"sourceURL": "https://app.wedsync.example/static/js/guests.3f9a1c2b.js?v=jane@example.com",
                                    "invokerType": "event-listener", "invoker": "BUTTON#save-rsvp.onclick"},
                                    "subpart": "processing-duration", "intersectingDuration": 405}}},
                               {"name": "INP", "value": 300, "id": "v4-1-2",
                                "attribution": {"interactionTarget": "div.modal>button.confirm", "interactionType": "keyboard",
                                  "inputDelay": 5, "processingDuration": 250, "presentationDelay": 45,
                                  "longAnimationFrameEntries": [{"scripts": [
                                    {"sourceURL": "https://cdn.example.net/vendor/chat.js", "invokerType": "user-callback", "duration": 40},
                                    {"sourceURL": "https://app.wedsync.example/static/js/modal-8f3e2a91.js", "invokerType": "event-listener", "duration": 220}]}]}},
                               {"name": "LCP", "value": 4100, "id": "v5-1-3",
                                "attribution": {"target": "main>img.hero", "url": "https://img.wedsync.example/u/jane.doe@example.com/hero.png?sig=abcdef0123456789",
                                  "timeToFirstByte": 300, "resourceLoadDelay": 900, "resourceLoadDuration": 2500, "elementRenderDelay": 400}},
                               {"name": "LCP", "value": 3000, "id": "v4-1-4",
                                "attribution": {"element": "#hero-4242", "resourceLoadTime": 1200, "elementRenderDelay": 100}},
                               {"name": "CLS", "value": 0.3, "id": "v5-1-5",
                                "attribution": {"largestShiftTarget": "div#banner-5521", "largestShiftTime": 1800, "largestShiftValue": 0.2}},
                               {"name": "TTFB", "value": 900, "id": "v3-1-6",
                                "attribution": {"waitingTime": 10, "dnsTime": 120, "connectionTime": 200, "requestTime": 500}}],
                             "resources": [
                               {"name": "https://img.wedsync.example/photos/8231/cover.png?token=abc", "initiatorType": "img",
                                "transferSize": 358400, "duration": 600, "nextHopProtocol": "h2"},
                               {"name": "https://app.wedsync.example/static/js/app.1a2b3c4d.js", "initiatorType": "script",
                                "transferSize": 700000, "duration": 300},
                               {"name": "https://app.wedsync.example/static/js/vendor.9f8e7d6c.js", "initiatorType": "script",
                                "transferSize": 300000, "duration": 200}]}""")
                    .when().post("/v1/rum")
                    .then().statusCode(202).body("rejected", equalTo(0));

            List<RumMetric> published = RumEndpointTest.ofTenant(rum.awaitRecords(
                    r -> RumEndpointTest.ofTenant(r, tenant).size() >= 11, Duration.ofSeconds(20)), tenant);
            Map<String, RumMetric> byId = published.stream().filter(m -> m.metricId() != null)
                    .collect(Collectors.toMap(RumMetric::metricId, Function.identity()));

            Attribution inp = byId.get("v5-1-1").attribution();
            assertThat(inp.target()).isEqualTo("main>ul>li#:id.row>button#save-rsvp.btn[data-email]");
            assertThat(inp.interactionType()).isEqualTo("pointer");
            assertThat(inp.parts()).containsEntry("processingDuration", 410.0).containsEntry("inputDelay", 12.0)
                    .containsEntry("presentationDelay", 30.0);
            assertThat(inp.script()).isEqualTo("https://app.wedsync.example/static/js/guests.*.js");
            assertThat(inp.scriptInvoker()).isEqualTo("event-listener");
            Attribution v4Inp = byId.get("v4-1-2").attribution();
            assertThat(v4Inp.script()).as("v4: the longest script of the long animation frames")
                    .isEqualTo("https://app.wedsync.example/static/js/modal-*.js");
            Attribution lcp = byId.get("v5-1-3").attribution();
            assertThat(lcp.target()).isEqualTo("main>img.hero");
            assertThat(lcp.resource()).isEqualTo("https://img.wedsync.example/u/:email/hero.png");
            assertThat(lcp.parts()).containsOnlyKeys("timeToFirstByte", "resourceLoadDelay", "resourceLoadDuration",
                    "elementRenderDelay");
            Attribution v4Lcp = byId.get("v4-1-4").attribution();
            assertThat(v4Lcp.target()).as("v4's element").isEqualTo("#:id");
            assertThat(v4Lcp.parts()).as("v3's resourceLoadTime under its v4 name").containsEntry("resourceLoadDuration", 1200.0);
            assertThat(byId.get("v5-1-5").attribution().target()).isEqualTo("div#:id");
            assertThat(byId.get("v3-1-6").attribution().parts()).containsOnlyKeys("waitingDuration", "dnsDuration",
                    "connectionDuration", "requestDuration");

            RumMetric image = published.stream().filter(m -> m.metric() == Metric.LARGE_RESOURCE).findFirst().orElseThrow();
            assertThat(image.value()).as("an image over 200 KB counts as large").isEqualTo(358400);
            assertThat(image.attribution().resource()).isEqualTo("https://img.wedsync.example/photos/:id/cover.png");
            assertThat(image.attribution().resourceType()).isEqualTo("img");
            assertThat(image.attribution().protocol()).isEqualTo("h2");
            assertThat(published).filteredOn(m -> m.metric() == Metric.SCRIPT_BYTES).extracting(RumMetric::value)
                    .containsExactly(1_000_000.0);

            for (RumMetric metric : published) {
                String json = new String(Topics.RUM.valueSerde().serializer().serialize(Topics.RUM.name(), metric),
                        StandardCharsets.UTF_8);
                assertThat(json).as("no query, e-mail, id or text on the topic: %s", json)
                        .doesNotContain("?", "jane", "example.com", "8231", "5521", "abcdef", "token", "Doe", "onclick");
            }
        }
    }
}

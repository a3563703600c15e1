package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Rating;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RumEndpointTest {

    private static final String CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

    @Test
    void shouldPublishAPageViewWithTheServersRatingsAndTheNormalisedRoute() {
        TestTenants.Registered tenant = TestTenants.register("rum");
        try (TopicReader<RouteKey, RumMetric> rum = TopicReader.fromNow(Topics.RUM)) {
            given().queryParam("key", tenant.key()).header("Origin", TestTenants.ORIGIN)
                    .contentType("application/json").body("""
                            {"page": "https://app.wedsync.example/clients/8231/forms?token=abc#top",
                             "device": "mobile", "connection": "4g", "release": "2026.06.1",
                             "variant": "checkout-v2:B",
                             "metrics": [
                               {"name": "LCP", "value": 3120.5, "rating": "good", "delta": 3120.5,
                                "id": "v5-1718287200000-1", "navigationType": "navigate",
                                "entries": [{"name": "", "entryType": "largest-contentful-paint"}]},
                               {"name": "CLS", "value": 0, "rating": "good", "delta": 0, "id": "v5-1718287200000-2"}],
                             "navigation": {"dns": 12, "connect": 40, "total": 2900},
                             "longTasks": [120, 75],
                             "resources": [{"duration": 1800, "size": 900000}, {"duration": 20, "size": 100}],
                             "jsHeap": 52000000}""")
                    .when().post("/v1/rum")
                    .then().statusCode(202).body("accepted", equalTo(10)).body("rejected", equalTo(0))
                    .header("Access-Control-Allow-Origin", TestTenants.ORIGIN);

            Map<Metric, RumMetric> published = byMetric(rum.awaitRecords(r -> ofTenant(r, tenant).size() >= 10,
                    Duration.ofSeconds(20)), tenant);

            assertThat(published.keySet()).containsExactlyInAnyOrder(Metric.LCP, Metric.CLS, Metric.DNS,
                    Metric.CONNECT, Metric.PAGE_LOAD, Metric.LONG_TASK, Metric.SLOW_RESOURCE, Metric.LARGE_RESOURCE,
                    Metric.JS_HEAP);
            RumMetric lcp = published.get(Metric.LCP);
            assertThat(lcp.route()).isEqualTo("/clients/:id/forms");
            assertThat(lcp.rating()).as("the client said good; 3120 ms is not").isEqualTo(Rating.NEEDS_IMPROVEMENT);
            assertThat(lcp.device()).isEqualTo(DeviceClass.MOBILE);
            assertThat(lcp.connection()).isEqualTo("4g");
            assertThat(lcp.release()).isEqualTo("2026.06.1");
            assertThat(lcp.variant()).isEqualTo("checkout-v2:B");
            assertThat(lcp.metricId()).isEqualTo("v5-1718287200000-1");
            assertThat(lcp.navigationType()).isEqualTo("navigate");
            assertThat(published.get(Metric.CLS).rating()).isEqualTo(Rating.GOOD);
            assertThat(published.get(Metric.LONG_TASK).rating()).isNull();
        }
    }

    @Test
    void shouldAcceptWhatSendBeaconSendsWithThePageFromTheReferer() {
        TestTenants.Registered tenant = TestTenants.register("beacon");
        try (TopicReader<RouteKey, RumMetric> rum = TopicReader.fromNow(Topics.RUM)) {
            given().queryParam("key", tenant.key()).header("Origin", TestTenants.ORIGIN)
                    .header("Referer", "https://app.wedsync.example/weddings/42/guests?email=jane@example.com")
                    .header("User-Agent", CHROME_ANDROID)
                    .contentType("text/plain;charset=UTF-8")
                    .body("{\"name\":\"INP\",\"value\":640,\"rating\":\"poor\",\"delta\":640,\"id\":\"v5-1-9\","
                            + "\"navigationType\":\"reload\",\"entries\":[]}")
                    .when().post("/v1/rum")
                    .then().statusCode(202).body("accepted", equalTo(1));

            RumMetric inp = byMetric(rum.awaitRecords(r -> !ofTenant(r, tenant).isEmpty(), Duration.ofSeconds(20)),
                    tenant).get(Metric.INP);
            assertThat(inp.route()).isEqualTo("/weddings/:id/guests");
            assertThat(inp.rating()).isEqualTo(Rating.POOR);
            assertThat(inp.device()).as("from the User-Agent").isEqualTo(DeviceClass.MOBILE);
        }
    }

    @Test
    void shouldAcceptAnArrayOfMetricsEachWithItsOwnNavigationUrl() {
        TestTenants.Registered tenant = TestTenants.register("array");
        try (TopicReader<RouteKey, RumMetric> rum = TopicReader.fromNow(Topics.RUM)) {
            given().header("X-Perf-Key", tenant.key()).header("Origin", TestTenants.ORIGIN)
                    .contentType("application/json").body("""
                            [{"name": "FCP", "value": 900, "id": "a", "navigationURL": "https://app.wedsync.example/timeline/7"},
                             {"name": "TTFB", "value": 2000, "id": "b", "navigationURL": "https://app.wedsync.example/"}]""")
                    .when().post("/v1/rum")
                    .then().statusCode(202).body("accepted", equalTo(2));

            Map<Metric, RumMetric> published = byMetric(rum.awaitRecords(r -> ofTenant(r, tenant).size() >= 2,
                    Duration.ofSeconds(20)), tenant);
            assertThat(published.get(Metric.FCP).route()).isEqualTo("/timeline/:id");
            assertThat(published.get(Metric.TTFB).route()).isEqualTo("/");
            assertThat(published.get(Metric.TTFB).rating()).isEqualTo(Rating.POOR);
        }
    }

    @Test
    void shouldKeepTheGoodItemsOfABatchAndSayWhichWereRefused() {
        TestTenants.Registered tenant = TestTenants.register("partial");
        try (TopicReader<RouteKey, RumMetric> rum = TopicReader.fromNow(Topics.RUM)) {
            given().queryParam("key", tenant.key()).header("Origin", TestTenants.ORIGIN)
                    .contentType("application/json").body("""
                            {"page": "/guests", "metrics": [
                               {"name": "LCP", "value": 1200, "id": "ok-1"},
                               {"name": "XYZ", "value": 5},
                               {"name": "CLS", "value": -0.5},
                               {"name": "INP", "value": "fast"},
                               {"name": "LCP", "value": 1e300},
                               {"name": "FCP", "value": 800, "id": "ok-2"}]}""")
                    .when().post("/v1/rum")
                    .then().statusCode(202)
                    .body("accepted", equalTo(2)).body("rejected", equalTo(4))
                    .body("rejections.at", equalTo(List.of("metrics[1]", "metrics[2]", "metrics[3]", "metrics[4]")))
                    .body("rejections.error", equalTo(List.of("unknown_metric", "implausible_value", "invalid_value",
                            "implausible_value")));

            rum.awaitRecords(r -> ofTenant(r, tenant).size() >= 2, Duration.ofSeconds(20));
            List<ConsumerRecord<RouteKey, RumMetric>> records = rum.drain(Duration.ofSeconds(1));
            assertThat(ofTenant(records, tenant)).extracting(RumMetric::metricId).containsExactlyInAnyOrder("ok-1", "ok-2");
        }
    }

    @Test
    void shouldDropBotsWithA2xxAndPublishNothing() {
        TestTenants.Registered tenant = TestTenants.register("bots");
        try (TopicReader<RouteKey, RumMetric> rum = TopicReader.fromNow(Topics.RUM)) {
            given().queryParam("key", tenant.key()).header("Origin", TestTenants.ORIGIN)
                    .header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                    .contentType("application/json").body("{\"page\": \"/\", \"metrics\": [{\"name\": \"LCP\", \"value\": 1}]}")
                    .when().post("/v1/rum")
                    .then().statusCode(202).body("dropped", equalTo("bot")).body("accepted", equalTo(0));

            assertThat(ofTenant(rum.drain(Duration.ofSeconds(2)), tenant)).isEmpty();
        }
    }

    @Test
    void shouldAnswerCorsPreflightOnlyForAllowedOrigins() {
        TestTenants.Registered tenant = TestTenants.register("cors");
        given().queryParam("key", tenant.key()).header("Origin", TestTenants.ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .when().options("/v1/rum")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", TestTenants.ORIGIN)
                .header("Access-Control-Allow-Headers", "Content-Type, X-Perf-Key");
        given().queryParam("key", tenant.key()).header("Origin", "https://evil.example")
                .when().options("/v1/rum")
                .then().statusCode(403).body("error", equalTo("origin_not_allowed"));
    }

    @Test
    void shouldLimitEachClientAddressAndSayWhenToRetry() {
        TestTenants.Registered tenant = TestTenants.register("limited", 2);
        String beacon = "{\"page\": \"/\", \"metrics\": [{\"name\": \"LCP\", \"value\": 1000}]}";
        for (int i = 0; i < 2; i++) {
            given().queryParam("key", tenant.key()).header("Origin", TestTenants.ORIGIN).body(beacon)
                    .when().post("/v1/rum").then().statusCode(202);
        }
        given().queryParam("key", tenant.key()).header("Origin", TestTenants.ORIGIN).body(beacon)
                .when().post("/v1/rum")
                .then().statusCode(429).body("error", equalTo("rate_limited"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().when().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.containsString("ingest_items_rejected_total{kind=\"rum\",reason=\"rate_limited\"}"));
    }

    static List<RumMetric> ofTenant(List<ConsumerRecord<RouteKey, RumMetric>> records, TestTenants.Registered tenant) {
        return records.stream().map(ConsumerRecord::value).filter(m -> m.tenant().equals(tenant.id())).toList();
    }

    private static Map<Metric, RumMetric> byMetric(List<ConsumerRecord<RouteKey, RumMetric>> records,
                                                   TestTenants.Registered tenant) {
        return ofTenant(records, tenant).stream()
                .collect(Collectors.toMap(RumMetric::metric, Function.identity(), (a, b) -> a));
    }
}

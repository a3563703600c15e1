package com.wedsync.perf.scaling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.RateLimits;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.Tier;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.scaling.engine.ScalingEngine;
import com.wedsync.perf.scaling.load.LoadStore;
import com.wedsync.perf.service.auth.SecretHash;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scaling service on a real broker and database: a wedding published for tomorrow bumps the forecast and brings a
 * recommendation 2 hours before its ceremony; a wedding beyond 48 h is a scheduled scale-up until the clock brings it
 * inside; critical wedding-day alerts raise capacity at once; forecasts are scored once their hours have passed.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "scaling"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalingServiceTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    /** KEDA's read-only token: the keda endpoint, nothing else. */
    private static final String KEDA = "Bearer test-keda-token-0123456789abcdef0123";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "studio-" + SUFFIX;
    private static final String OTHER = "planner-" + SUFFIX;
    private static final String TOKEN = "rt_scaling_test_" + SUFFIX;
    private static final Instant TOMORROW_14 = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(38));
    private static final Instant IN_FIVE_DAYS = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(5)).plus(Duration.ofHours(15));
    private static boolean published;

    @Inject
    ScalingEngine engine;

    @Inject
    LoadStore load;

    @BeforeEach
    void publishTenantsAndWeddingsOnce() {
        if (published) {
            return;
        }
        published = true;
        send(Topics.TENANTS, TENANT, tenant(TENANT, TOKEN));
        send(Topics.TENANTS, OTHER, tenant(OTHER, "rt_other_" + SUFFIX));
        send(Topics.WEDDINGS, "w-tomorrow-" + SUFFIX, new WeddingSchedule("w-tomorrow-" + SUFFIX, TENANT, TOMORROW_14,
                "Europe/London", 300, 10, WeddingStatus.SCHEDULED, Instant.now()));
        send(Topics.WEDDINGS, "w-later-" + SUFFIX, new WeddingSchedule("w-later-" + SUFFIX, TENANT, IN_FIVE_DAYS,
                "Europe/London", 180, 8, WeddingStatus.SCHEDULED, Instant.now()));
    }

    @Test
    @Order(1)
    void shouldBumpTheForecastAroundTomorrowsCeremonyAndRecommendCapacityTwoHoursAhead() {
        JsonPath forecast = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> given().header("Authorization", "Bearer " + TOKEN).get("/v1/forecasts?tenant=" + TENANT)
                        .then().extract().jsonPath(), f -> f.getList("hours") != null && f.getList("hours").size() == 48
                        && f.getList("hours.weddingLoad", Float.class).stream().anyMatch(w -> w > 0));
        int ceremony = forecast.getList("hours.hour", String.class).indexOf(TOMORROW_14.toString());
        assertThat(ceremony).as("the ceremony hour is inside the 48 hours").isGreaterThan(0);
        assertThat(forecast.getDouble("hours[" + ceremony + "].weddingLoad")).as("4 per guest, 30 per vendor").isEqualTo(1500.0);
        assertThat(forecast.getInt("hours[" + ceremony + "].guests")).isEqualTo(300);
        assertThat(forecast.getDouble("hours[0].weddingLoad")).isZero();
        assertThat(forecast.getString("basis")).contains("wedding load prior");
        assertThat(forecast.getList("scheduledScaleUps.weddingId")).containsExactly("w-later-" + SUFFIX);
        assertThat(forecast.getString("scheduledScaleUps[0].scaleUpAt")).isEqualTo(IN_FIVE_DAYS.minus(Duration.ofHours(2)).toString());

        JsonPath plan = given().header("Authorization", "Bearer " + TOKEN).get("/v1/recommendations?tenant=" + TENANT)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> upcoming = plan.getList("upcoming");
        Map<String, Object> raised = upcoming.stream().filter(r -> ((Number) r.get("cacheMb")).intValue() > 256).findFirst().orElseThrow();
        assertThat(raised.get("effectiveFrom")).isEqualTo(TOMORROW_14.minus(Duration.ofHours(2)).toString());
        assertThat(((Number) raised.get("instances")).intValue()).as("1500 / (1000 × 0.7)").isEqualTo(3);
        assertThat((String) raised.get("reason")).contains("1 wedding, 300 guests").contains("2.0 h before the");
        assertThat(plan.getInt("current.instances")).isEqualTo(2);
        assertThat(plan.getInt("current.monitoringIntervalSeconds")).isIn(300, 900);

        List<ScalingRecommendation> onTopic = new ArrayList<>();
        try (KafkaConsumer<String, ScalingRecommendation> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                LocalStack.shared().bootstrapServers(), "group.id", "scaling-test-" + SUFFIX, "auto.offset.reset", "earliest"),
                Topics.SCALING.keySerde().deserializer(), Topics.SCALING.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.SCALING.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (TENANT.equals(r.key())) {
                        onTopic.add(r.value());
                    }
                });
                return onTopic.stream().anyMatch(r -> r.effectiveFrom().equals(TOMORROW_14.minus(Duration.ofHours(2))));
            });
        }
    }

    @Test
    @Order(2)
    void shouldRaiseCapacityAtOnceForACriticalWeddingDayAlertAndEndWithIt() {
        String alertId = "a-" + SUFFIX;
        send(Topics.ALERTS, "fp-" + SUFFIX, alert(alertId, AlertState.FIRING));
        JsonPath raised = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> given().header("Authorization", OPS).get("/v1/recommendations?tenant=" + TENANT).then().extract().jsonPath(),
                p -> p.getBoolean("current.emergency"));
        assertThat(raised.getInt("current.instances")).isEqualTo(4);
        assertThat(raised.getInt("current.monitoringIntervalSeconds")).isEqualTo(10);
        assertThat(raised.getString("current.reason")).contains("critical wedding-day alert").contains("guest list p95 5400 ms");
        given().header("Authorization", OPS).get("/v1/keda/" + TENANT).then().statusCode(200)
                .body("instances", equalTo(4)).body("emergency", equalTo(true));
        given().header("Authorization", KEDA).get("/v1/keda/" + TENANT).then().statusCode(200).body("instances", equalTo(4));
        given().header("Authorization", KEDA).get("/v1/recommendations?tenant=" + TENANT).then().statusCode(403);
        given().header("Authorization", KEDA).get("/v1/forecasts?tenant=" + TENANT).then().statusCode(403);

        send(Topics.ALERTS, "fp-" + SUFFIX, alert(alertId, AlertState.RESOLVED));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> given().header("Authorization", OPS).get("/v1/recommendations?tenant=" + TENANT).then().extract().jsonPath(),
                p -> !p.getBoolean("current.emergency"));
    }

    @Test
    @Order(3)
    void shouldScoreForecastsOnceTheirHoursHavePassed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(8));
        long sent = 0;
        try (KafkaProducer<TrendKey, TrendPoint> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                LocalStack.shared().bootstrapServers()), Topics.TRENDS.keySerde().serializer(), Topics.TRENDS.valueSerde().serializer())) {
            for (Instant minute = start; minute.isBefore(now); minute = minute.plus(Duration.ofMinutes(1))) {
                TrendPoint point = requests(OTHER, minute, 100 + (minute.getEpochSecond() / 60) % 7);
                producer.send(new ProducerRecord<>(Topics.TRENDS.name(), point.key(), point));
                sent += point.count();
            }
        }
        long expected = sent;
        await().atMost(Duration.ofSeconds(30)).until(() -> load.hourly(start, now.plusSeconds(60)).getOrDefault(OTHER,
                new java.util.TreeMap<>()).values().stream().mapToDouble(Double::doubleValue).sum() == expected);
        await().atMost(Duration.ofSeconds(30)).until(() -> refreshAt(now.minus(Duration.ofHours(4))) >= 0);
        JsonPath accuracy = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", OPS)
                .get("/v1/forecasts/accuracy?tenant=" + OTHER + "&days=1").then().statusCode(200).extract().jsonPath(),
                a -> a.getInt("horizons[0].hours") >= 3);
        System.out.println("accuracy of the forecast made 4 hours ago: " + accuracy.getMap("horizons[0]"));
        assertThat(accuracy.getDouble("horizons[0].mape")).as("a steady load, forecast from complete hours").isLessThan(20.0);
        assertThat(accuracy.getString("horizons[0].horizon")).isEqualTo("1–6 h");
    }

    @Test
    @Order(4)
    void shouldKeepTenantsApart() {
        given().get("/v1/forecasts?tenant=" + TENANT).then().statusCode(401);
        given().header("Authorization", "Bearer " + TOKEN).get("/v1/forecasts?tenant=" + OTHER).then().statusCode(404);
        given().header("Authorization", "Bearer " + TOKEN).get("/v1/forecasts?tenant=*").then().statusCode(403);
        given().header("Authorization", OPS).get("/v1/forecasts").then().statusCode(400).body("error", equalTo("missing_tenant"));
        given().header("Authorization", OPS).get("/v1/forecasts?tenant=*&hours=49").then().statusCode(400);
        given().header("Authorization", OPS).get("/v1/forecasts?tenant=*").then().statusCode(200)
                .body("tenant", equalTo("*"));
    }

    @Test
    @Order(5)
    void shouldBringAWeddingBeyondTheHorizonIntoTheForecastOnceInside() {
        Instant later = IN_FIVE_DAYS.minus(Duration.ofHours(40));
        await().atMost(Duration.ofSeconds(30)).until(() -> refreshAt(later) >= 0);
        JsonPath forecast = given().header("Authorization", OPS).get("/v1/forecasts?tenant=" + TENANT).then().statusCode(200)
                .extract().jsonPath();
        assertThat(forecast.getString("firstHour")).isEqualTo(later.truncatedTo(ChronoUnit.HOURS).toString());
        int ceremony = forecast.getList("hours.hour", String.class).indexOf(IN_FIVE_DAYS.toString());
        assertThat(forecast.getDouble("hours[" + ceremony + "].weddingLoad")).isEqualTo(4.0 * 180 + 30.0 * 8);
        assertThat(forecast.getList("scheduledScaleUps")).isEmpty();
    }

    private int refreshAt(Instant now) {
        return engine.refresh(now);
    }

    private static TenantConfig tenant(String id, String token) {
        return new TenantConfig(id, id, Tier.PREMIUM, List.of("pk_" + id), List.of("https://" + id + ".example"),
                SecretHash.of("sk_" + id), List.of(SecretHash.of(token)), RateLimits.DEFAULT, Instant.now());
    }

    private static AlertEvent alert(String id, AlertState state) {
        return new AlertEvent(id, "fp-" + SUFFIX, AlertType.THRESHOLD_BREACH, Severity.CRITICAL, state, TENANT, null,
                "guest_list_access", 1000.0, 5400.0, 300, Instant.now().minusSeconds(60), Instant.now(),
                "w-tomorrow-" + SUFFIX, "guest list p95 5400 ms", null, null, Instant.now());
    }

    private static TrendPoint requests(String tenant, Instant minute, long count) {
        QuantileSketch sketch = new QuantileSketch();
        sketch.add(120);
        return new TrendPoint(tenant, Source.SERVER, TrendKey.ALL, TrendKey.ALL, TrendKey.ALL, Resolution.MINUTE, minute,
                minute.plusSeconds(60), count, 120, 120, 120, 120, 120, 120, 0, 0, 0, 0, SketchCodec.encode(sketch), 0.01);
    }

    private static <K, V> void send(Topic<K, V> topic, K key, V value) {
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value));
        }
    }
}

package com.wedsync.perf.scaling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * An emergency's effect, measured from the trends over the real broker and database: the timeline syncs of the ten
 * minutes before a critical wedding-day alert against the ten after it took effect.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "scaling"))
class EmergencyEffectTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";

    @Test
    void shouldMeasureWhetherAnEmergencyHelpedItsOperation() {
        String tenant = "effect-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MINUTES);
        try (KafkaProducer<TrendKey, TrendPoint> trends = new KafkaProducer<>(Map.of("bootstrap.servers",
                LocalStack.shared().bootstrapServers()), Topics.TRENDS.keySerde().serializer(), Topics.TRENDS.valueSerde().serializer())) {
            for (int i = 1; i <= 10; i++) {
                send(trends, syncMinute(tenant, start.minus(Duration.ofMinutes(i)), 170 + i * 2));
                send(trends, syncMinute(tenant, start.plus(Duration.ofMinutes(i)), 60 + i * 2));
            }
        }
        try (KafkaProducer<String, AlertEvent> alerts = new KafkaProducer<>(Map.of("bootstrap.servers",
                LocalStack.shared().bootstrapServers()), Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            alerts.send(new ProducerRecord<>(Topics.ALERTS.name(), "fp-" + tenant, new AlertEvent("a-" + tenant, "fp-" + tenant,
                    AlertType.THRESHOLD_BREACH, Severity.CRITICAL, AlertState.FIRING, tenant, null, "timeline_sync", 100.0,
                    180.0, 0, start.minusSeconds(60), start, "w-1", "timeline_sync p95 is 180, over 100", null, null, start)));
        }

        JsonPath answer = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                .header("Authorization", OPS).get("/v1/emergencies?tenant=" + tenant).then().statusCode(200).extract()
                .jsonPath(), json -> json.getList("$").size() == 1 && json.get("[0].effect") != null);
        assertThat(answer.getString("[0].operation")).isEqualTo("timeline_sync");
        assertThat(answer.getString("[0].effect.verdict")).isEqualTo("helped");
        assertThat(answer.getDouble("[0].effect.pValue")).isLessThan(0.05);
        assertThat(answer.getDouble("[0].effect.before.p95")).isBetween(175.0, 185.0);
        assertThat(answer.getDouble("[0].effect.after.p95")).isBetween(65.0, 75.0);
        assertThat(answer.getInt("[0].effect.before.minutes")).isEqualTo(10);
        assertThat(answer.getDouble("[0].effect.before.burnRate")).as("every request over 100 ms").isEqualTo(20.0);
        assertThat(answer.getDouble("[0].effect.after.burnRate")).isEqualTo(0.0);
        assertThat(answer.getString("[0].effect.summary")).contains("timeline_sync p95 181 → 71 ms").contains("helped");

        given().header("Authorization", OPS).get("/v1/emergencies?tenant=" + tenant + "&days=0").then().statusCode(400);
        given().get("/v1/emergencies?tenant=" + tenant).then().statusCode(401);
    }

    private static void send(KafkaProducer<TrendKey, TrendPoint> producer, TrendPoint point) {
        producer.send(new ProducerRecord<>(Topics.TRENDS.name(), point.key(), point));
    }

    /** A closed minute of timeline syncs, 100 requests all at {@code ms}. */
    private static TrendPoint syncMinute(String tenant, Instant minute, double ms) {
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < 100; i++) {
            sketch.add(ms);
        }
        return new TrendPoint(tenant, Source.SERVER, TrendKey.ALL, "timeline_sync", TrendKey.ALL, Resolution.MINUTE, minute,
                minute.plusSeconds(60), 100, ms, ms, ms, ms, ms, ms, 0, 0, 0, 0, SketchCodec.encode(sketch), 0.01);
    }
}

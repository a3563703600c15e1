package com.wedsync.perf.scaling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.scaling.engine.PredictionStore;
import com.wedsync.perf.scaling.engine.RecommendationStore;
import com.wedsync.perf.scaling.forecast.Forecast;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A scale-up's effect, measured from the trends over the real broker and database: each of the tenant's operations in
 * the ten minutes before the new capacity against the ten after. A scale-up replaced before it began is not one.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "scaling"))
class ScaleUpEffectTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";

    @Inject
    RecommendationStore recommendations;

    @Inject
    PredictionStore predictions;

    @Test
    void shouldMeasureWhetherAScaleUpHelpedEachOperation() {
        String tenant = "scale-up-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MINUTES);
        recommendations.replace(tenant, set(tenant), List.of(period(tenant, start.minus(Duration.ofHours(3)), start, 2),
                period(tenant, start, start.plus(Duration.ofHours(3)), 6)), start.minus(Duration.ofHours(2)));
        recommendations.replace(tenant, set(tenant), List.of(period(tenant, start.minus(Duration.ofHours(1)), start, 2),
                        period(tenant, start, start.plus(Duration.ofHours(3)), 4),
                        period(tenant, start.plus(Duration.ofHours(3)), start.plus(Duration.ofHours(5)), 4)),
                start.minus(Duration.ofHours(1)));
        try (KafkaProducer<TrendKey, TrendPoint> trends = new KafkaProducer<>(Map.of("bootstrap.servers",
                LocalStack.shared().bootstrapServers()), Topics.TRENDS.keySerde().serializer(), Topics.TRENDS.valueSerde().serializer())) {
            for (int i = 1; i <= 10; i++) {
                send(trends, minute(tenant, "timeline_sync", start.minus(Duration.ofMinutes(i)), 170 + i * 2));
                send(trends, minute(tenant, "timeline_sync", start.plus(Duration.ofMinutes(i)), 60 + i * 2));
                send(trends, minute(tenant, "photo_upload", start.minus(Duration.ofMinutes(i)), 3000 + (i % 2) * 50));
                send(trends, minute(tenant, "photo_upload", start.plus(Duration.ofMinutes(i)), 3000 + (i % 2) * 50));
            }
        }

        JsonPath answer = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                .header("Authorization", OPS).get("/v1/recommendations?tenant=" + tenant).then().statusCode(200).extract()
                .jsonPath(), json -> json.getList("scaleUps").size() == 1 && json.get("scaleUps[0].effect") != null);
        assertThat(answer.getInt("scaleUps[0].previousInstances")).isEqualTo(2);
        assertThat(answer.getInt("scaleUps[0].instances")).as("the 6 was replaced before it began").isEqualTo(4);
        assertThat(answer.getString("scaleUps[0].effect.verdict")).isEqualTo("helped");
        assertThat(answer.getList("scaleUps[0].effect.operations.operation", String.class))
                .containsExactlyInAnyOrder("timeline_sync", "photo_upload");
        assertThat(answer.getString("scaleUps[0].effect.operations.find { it.operation == 'timeline_sync' }.verdict"))
                .isEqualTo("helped");
        assertThat(answer.getString("scaleUps[0].effect.operations.find { it.operation == 'photo_upload' }.verdict"))
                .isEqualTo("no effect");
        assertThat(answer.getDouble("scaleUps[0].effect.operations.find { it.operation == 'timeline_sync' }.pValue"))
                .as("corrected for the two operations asked about").isLessThan(0.05);
        assertThat(answer.getString("scaleUps[0].effect.summary")).startsWith("scale-up 2 → 4 instances at ")
                .contains("— helped: ").contains("timeline_sync p95 181 → 71 ms");

        given().get("/v1/recommendations?tenant=" + tenant).then().statusCode(401);
    }

    /** A stored prediction set for the plan to belong to (no hours: the plan is the test's). */
    private UUID set(String tenant) {
        return predictions.save(new Forecast(tenant, Instant.now(), Instant.now().truncatedTo(ChronoUnit.HOURS), "test",
                List.of()), UUID.randomUUID().toString());
    }

    private static ScalingRecommendation period(String tenant, Instant from, Instant until, int instances) {
        return new ScalingRecommendation(tenant, from, from, until, instances, 20 * instances / 2, 256, 1.0, 900, false,
                "test plan: " + instances + " instances");
    }

    private static void send(KafkaProducer<TrendKey, TrendPoint> producer, TrendPoint point) {
        producer.send(new ProducerRecord<>(Topics.TRENDS.name(), point.key(), point));
    }

    /** A closed minute of one operation, 100 requests all at {@code ms}. */
    private static TrendPoint minute(String tenant, String operation, Instant minute, double ms) {
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < 100; i++) {
            sketch.add(ms);
        }
        return new TrendPoint(tenant, Source.SERVER, TrendKey.ALL, operation, TrendKey.ALL, Resolution.MINUTE, minute,
                minute.plusSeconds(60), 100, ms, ms, ms, ms, ms, ms, 0, 0, 0, 0, SketchCodec.encode(sketch), 0.01);
    }
}

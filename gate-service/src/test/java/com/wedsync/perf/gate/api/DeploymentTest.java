package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import com.wedsync.perf.gate.deploy.ProjectWebhooks;
import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A scripted degradation after a deployment recommends a rollback, publishes it and calls the signed webhook; a new
 * release is judged against the old one running alongside it, before/after only when there is none.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class DeploymentTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static final String SECRET = "project-webhook-secret-1";

    @Test
    void shouldRecommendARollbackWhenRealUsersGetSignificantlySlowerAndVerifyOtherwise() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String[]{new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(ProjectWebhooks.SIGNATURE),
                    exchange.getRequestHeaders().getFirst(com.wedsync.perf.service.auth.WebhookSignature.TIMESTAMP_HEADER)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String project = "app-" + UUID.randomUUID().toString().substring(0, 8);
            String ci = "Bearer " + given().header("Authorization", OPS).contentType(ContentType.JSON)
                    .body(Map.of("id", project)).post("/v1/projects").then().statusCode(201).extract().path("tokens.CI");
            given().header("Authorization", OPS).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "secret", SECRET))
                    .put("/v1/projects/{id}/webhook", project).then().statusCode(200);

            Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(12));
            String slowed = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
            String steady = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
            given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("tenants", List.of(slowed, steady)))
                    .put("/v1/projects/{id}/tenants", project).then().statusCode(200);
            sendMinutes(slowed, at, 2000, 2600);
            sendMinutes(steady, at, 2000, 2020);
            awaitTrendsConsumed();

            String slowedId = deploy(ci, project, slowed, at);
            String steadyId = deploy(ci, project, steady, at);

            JsonPath rollback = awaitDecision(ci, slowedId);
            assertThat(rollback.getString("status")).isEqualTo("ROLLBACK_RECOMMENDED");
            assertThat(rollback.getString("reason")).contains("LCP p75 for " + slowed);
            assertThat(rollback.getDouble("evidence[0].worseBy")).isGreaterThan(0.2);
            assertThat(awaitDecision(ci, steadyId).getString("status")).isEqualTo("VERIFIED");

            await().atMost(Duration.ofSeconds(15)).until(() -> !received.isEmpty());
            String[] call = received.get(0);
            assertThat(call[0]).contains("rollback_recommended").contains(slowedId);
            assertThat(com.wedsync.perf.service.auth.WebhookSignature.verifyTimed(SECRET, call[2],
                    call[0].getBytes(StandardCharsets.UTF_8), call[1], Instant.now()))
                    .isEqualTo(com.wedsync.perf.service.auth.WebhookSignature.Check.VALID);
            assertThat(received).hasSize(1);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void shouldJudgeTheNewReleaseAgainstTheOldOneRunningAlongsideAndFallBackToBeforeAfterOnlyWithoutIt() {
        String project = "canary-" + UUID.randomUUID().toString().substring(0, 8);
        String ci = "Bearer " + given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("id", project)).post("/v1/projects").then().statusCode(201).extract().path("tokens.CI");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(12));
        String slower = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        String evening = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        String alone = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("tenants", List.of(slower, evening, alone)))
                .put("/v1/projects/{id}/tenants", project).then().statusCode(200);
        // The new release 20 % slower than the old one serving alongside it; the tenant's evening makes both 30 %
        // slower after the deployment than before (which a before/after check would blame on the release); a tenant
        // whose old release served nobody alongside the new one is judged after against before, and says so.
        sendReleaseMinutes(slower, at, Map.of("v2.13.0", 2000.0, "v2.14.0", 2400.0));
        sendReleaseMinutes(evening, at, Map.of("v2.13.0", 2600.0, "v2.14.0", 2600.0));
        sendMinutes(evening, at, 2000, 2600);
        sendReleaseMinutes(alone, at, Map.of("v2.14.0", 2000.0));
        sendMinutes(alone, at, 2000, 2020);
        awaitTrendsConsumed();

        JsonPath rollback = awaitDecision(ci, deploy(ci, project, slower, at));
        assertThat(rollback.getString("status")).isEqualTo("ROLLBACK_RECOMMENDED");
        assertThat(rollback.getString("reason")).contains("LCP p75 on /photos/gallery for " + slower)
                .contains("v2.14.0 against v2.13.0 running alongside");
        assertThat(rollback.getList("evidence.comparison")).containsOnly("concurrent");
        assertThat(rollback.getList("evidence.baseline")).containsOnly("v2.13.0");
        assertThat(rollback.getLong("evidence[0].samplesAfter")).isEqualTo(300);

        JsonPath verified = awaitDecision(ci, deploy(ci, project, evening, at));
        assertThat(verified.getString("status")).isEqualTo("VERIFIED");
        assertThat(verified.getString("reason")).contains("against v2.13.0 running alongside");

        JsonPath fallback = awaitDecision(ci, deploy(ci, project, alone, at));
        assertThat(fallback.getString("status")).isEqualTo("VERIFIED");
        assertThat(fallback.getString("reason")).contains("after against before (no older release served real users alongside");
        assertThat(fallback.getList("evidence.comparison")).containsOnly("before-after");
    }

    @Test
    void shouldMeasureWhetherTheRecommendedRollbackHelped() {
        String project = "rollback-" + UUID.randomUUID().toString().substring(0, 8);
        String ci = "Bearer " + given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("id", project)).post("/v1/projects").then().statusCode(201).extract().path("tokens.CI");
        String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("tenants", List.of(tenant)))
                .put("/v1/projects/{id}/tenants", project).then().statusCode(200);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(45));
        Instant rolledBack = at.plus(Duration.ofMinutes(20));
        // 2.0 s before the release, 2.6 s after it; back to 2.0 s once the old release is deployed again.
        sendMinutes(tenant, at, 2000, 2600);
        sendFlat(tenant, rolledBack, 12, 2000);
        awaitTrendsConsumed();

        String id = deploy(ci, project, tenant, at);
        assertThat(awaitDecision(ci, id).getString("status")).isEqualTo("ROLLBACK_RECOMMENDED");
        given().header("Authorization", ci).contentType(ContentType.JSON)
                .body(Map.of("project", project, "environment", "production", "version", "v2.13.0",
                        "tenants", List.of(tenant), "at", rolledBack.toString()))
                .post("/v1/deployments").then().statusCode(201);

        JsonPath measured = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", ci)
                .get("/v1/deployments/{id}", id).then().statusCode(200).extract().jsonPath(), json -> json.get("effect") != null);
        assertThat(measured.getString("effect.verdict")).isEqualTo("helped");
        assertThat(measured.getString("effect.rolledBackTo")).isEqualTo("v2.13.0");
        assertThat(measured.getString("effect.metrics[0].metric")).isEqualTo("LCP");
        assertThat(measured.getDouble("effect.metrics[0].p75Before")).isBetween(2470.0, 2730.0);
        assertThat(measured.getDouble("effect.metrics[0].p75After")).isBetween(1900.0, 2100.0);
        assertThat(measured.getInt("effect.metrics[0].minutesAfter")).isEqualTo(10);
        assertThat(measured.getDouble("effect.metrics[0].pValue")).isLessThan(0.05);
        assertThat(measured.getString("effect.summary")).contains("rolled back to v2.13.0 at").contains("helped");
    }

    /** Ten minutes after {@code at}: 30 LCP views a minute of each release on the gallery (mobile), around its median. */
    private static void sendReleaseMinutes(String tenant, Instant at, Map<String, Double> medians) {
        Random random = new Random(tenant.hashCode());
        try (KafkaProducer<TrendKey, TrendPoint> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                LocalStack.shared().bootstrapServers(), "acks", "all"), Topics.ARM_TRENDS.keySerde().serializer(),
                Topics.ARM_TRENDS.valueSerde().serializer())) {
            for (int minute = 0; minute < 10; minute++) {
                Instant start = at.plus(Duration.ofMinutes(minute));
                for (Map.Entry<String, Double> release : medians.entrySet()) {
                    com.wedsync.perf.model.sketch.QuantileSketch sketch = new com.wedsync.perf.model.sketch.QuantileSketch();
                    for (int view = 0; view < 30; view++) {
                        sketch.add(release.getValue() * Math.exp(0.5 * random.nextGaussian()));
                    }
                    TrendPoint point = new TrendPoint(tenant, Source.RUM, "/photos/gallery", "LCP", "MOBILE",
                            Resolution.MINUTE, start, start.plusSeconds(60), sketch.count(), sketch.quantile(0.5),
                            sketch.quantile(0.75), sketch.quantile(0.95), sketch.quantile(0.99), sketch.min(), sketch.max(),
                            0, 0, 0, 0, com.wedsync.perf.model.sketch.SketchCodec.encode(sketch), 0.01, null, release.getKey());
                    producer.send(new ProducerRecord<>(Topics.ARM_TRENDS.name(), point.key(), point));
                }
            }
        }
    }

    private static String deploy(String ci, String project, String tenant, Instant at) {
        return given().header("Authorization", ci).contentType(ContentType.JSON)
                .body(Map.of("project", project, "environment", "production", "version", "v2.14.0", "gitSha", "abc1234",
                        "tenants", List.of(tenant), "at", at.toString()))
                .post("/v1/deployments").then().statusCode(201).extract().path("id");
    }

    private static JsonPath awaitDecision(String token, String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", token)
                .get("/v1/deployments/{id}", id).then().statusCode(200).extract().jsonPath(),
                json -> !"DEPLOYED".equals(json.getString("status")));
    }

    /** {@code count} minutes from {@code from}, each an LCP p75 of {@code ms} ±5%. */
    private static void sendFlat(String tenant, Instant from, int count, double ms) {
        Random random = new Random(tenant.hashCode() + 1);
        try (KafkaProducer<TrendKey, TrendPoint> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                LocalStack.shared().bootstrapServers(), "acks", "all"), Topics.TRENDS.keySerde().serializer(),
                Topics.TRENDS.valueSerde().serializer())) {
            for (int minute = 0; minute < count; minute++) {
                double p75 = ms * (0.95 + random.nextDouble() * 0.1);
                Instant start = from.plus(Duration.ofMinutes(minute));
                TrendPoint point = new TrendPoint(tenant, Source.RUM, TrendKey.ALL, "LCP", TrendKey.ALL, Resolution.MINUTE,
                        start, start.plusSeconds(60), 400, p75 * 0.8, p75, p75 * 1.3, p75 * 1.6, 300, p75 * 3, 0, 0, 0, 0,
                        "", 0.01);
                producer.send(new ProducerRecord<>(Topics.TRENDS.name(), point.key(), point));
            }
        }
    }

    /** Ten minutes before {@code at} around {@code before} ms, ten after around {@code after}, with ±5% noise. */
    private static void sendMinutes(String tenant, Instant at, double before, double after) {
        Random random = new Random(tenant.hashCode());
        try (KafkaProducer<TrendKey, TrendPoint> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                LocalStack.shared().bootstrapServers(), "acks", "all"), Topics.TRENDS.keySerde().serializer(),
                Topics.TRENDS.valueSerde().serializer())) {
            for (int minute = -10; minute < 10; minute++) {
                double p75 = (minute < 0 ? before : after) * (0.95 + random.nextDouble() * 0.1);
                Instant start = at.plus(Duration.ofMinutes(minute));
                TrendPoint point = new TrendPoint(tenant, Source.RUM, TrendKey.ALL, "LCP", TrendKey.ALL, Resolution.MINUTE,
                        start, start.plusSeconds(60), 400, p75 * 0.8, p75, p75 * 1.3, p75 * 1.6, 300, p75 * 3, 0, 0, 0, 0,
                        "", 0.01);
                producer.send(new ProducerRecord<>(Topics.TRENDS.name(), point.key(), point));
            }
        }
    }

    /** Waits until the gate's trend consumer group has committed every record now on the topic. */
    private static void awaitTrendsConsumed() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("gate-service-trends")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (com.wedsync.perf.model.topic.Topic<?, ?> topic : List.of(Topics.TRENDS, Topics.ARM_TRENDS)) {
                    for (int p = 0; p < topic.partitions(); p++) {
                        latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
                    }
                }
                return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
            });
        }
    }
}

package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.gate.deploy.TrendWatcher;
import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.TopicRecords;
import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The gate's trend intake under faults: records that cannot be read go to the dead-letter topic once and the minutes
 * after them still arrive; PostgreSQL stopped for a while makes the API answer 503 and the intake wait, and nothing
 * is lost; reading the whole input again changes nothing.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class TrendIntakeFaultsTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static final Duration OUTAGE = Duration.ofSeconds(65);
    private static final TopicRecords TOPIC = new TopicRecords(LocalStack.shared().bootstrapServers());

    @Inject
    AgroalDataSource db;

    @Inject
    TrendWatcher watcher;

    @Test
    void shouldDeadLetterUnreadableTrendsOnceAndKeepTheMinutesAfterThem() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(3));
        String good = json(point(tenant, minute, 1800));
        List<RecordMetadata> poison = List.of(TOPIC.send(Topics.TRENDS.name(), 0, "{}"),
                TOPIC.send(Topics.TRENDS.name(), 0, good.substring(0, good.length() / 2)),
                TOPIC.send(Topics.TRENDS.name(), 0, good.replace("\"count\":40", "\"count\":-1")));
        TOPIC.send(Topics.TRENDS.name(), 0, good);

        await().atMost(Duration.ofSeconds(30)).until(() -> p75(tenant, minute) != null);
        assertThat(p75(tenant, minute)).isEqualTo(1800);
        List<DeadLetter> letters = await().atMost(Duration.ofSeconds(30))
                .until(() -> TOPIC.deadLetters("gate-service", poison), found -> found.size() >= poison.size());
        Thread.sleep(2000);
        assertThat(TOPIC.deadLetters("gate-service", poison)).as("each exactly once").hasSize(3)
                .extracting(DeadLetter::offset).containsExactlyInAnyOrderElementsOf(poison.stream().map(RecordMetadata::offset).toList());
        assertThat(letters).anySatisfy(letter -> assertThat(letter.value()).isEqualTo("{}"));
    }

    @Test
    void shouldAnswer503WhilePostgresIsDownForOverAMinuteAndLoseNoMinute() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(4));
        LocalStack.shared().stopPostgres();
        try {
            given().header("Authorization", OPS).contentType(ContentType.JSON)
                    .body(Map.of("id", "app-" + UUID.randomUUID().toString().substring(0, 8)))
                    .post("/v1/projects").then().statusCode(503).header("Retry-After", "5")
                    .body("error", org.hamcrest.Matchers.equalTo("unavailable"));
            TOPIC.send(Topics.TRENDS.name(), 0, json(point(tenant, minute, 2100)));
            // Longer than the connector's default 60 s for a record to wait: the intake must survive it, and say it waits.
            Instant back = Instant.now().plus(OUTAGE);
            await().atMost(OUTAGE).pollInterval(Duration.ofSeconds(1)).until(() -> inputCheck().contains("\"DOWN\""));
            assertThat(inputCheck()).contains("records wait on the input but nothing has been consumed");
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), back).toMillis()));
            given().header("Authorization", OPS).get("/v1/gates/history?project=any").then().statusCode(503);
        } finally {
            LocalStack.shared().startPostgres();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> p75(tenant, minute) != null);
        assertThat(p75(tenant, minute)).isEqualTo(2100);
        await().atMost(Duration.ofSeconds(30)).until(() -> inputCheck().contains("\"UP\""));
        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("id", "app-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/v1/projects").then().statusCode(201);
    }

    @Test
    void shouldChangeNothingWhenTheWholeInputIsReadAgain() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        TOPIC.send(Topics.TRENDS.name(), 0, json(point(tenant, minute, 1500)));
        await().atMost(Duration.ofSeconds(30)).until(() -> p75(tenant, minute) != null);
        Thread.sleep(2000);
        String before = table();

        int replayed = 0;
        for (ConsumerRecord<byte[], byte[]> record : TOPIC.readAll(Topics.TRENDS.name())) {
            try {
                watcher.keep(record);
                replayed++;
            } catch (RuntimeException poison) {
                // dead-lettered when it was first read
            }
        }

        assertThat(replayed).isPositive();
        assertThat(table()).isEqualTo(before);
    }

    private static TrendPoint point(String tenant, Instant minute, double p75) {
        return new TrendPoint(tenant, Source.RUM, TrendKey.ALL, "LCP", TrendKey.ALL, Resolution.MINUTE, minute,
                minute.plus(Duration.ofMinutes(1)), 40, p75 * 0.8, p75, p75 * 1.5, p75 * 2, 100, p75 * 3, 20, 10, 10, 0,
                "", 0.01);
    }

    /** The intake's readiness check: DOWN with the reason while records wait and nothing is consumed. */
    private static String inputCheck() {
        String health = given().get("/q/health/ready").then().extract().asString();
        int at = health.indexOf("\"gate-trends-input\"");
        return at < 0 ? "" : health.substring(at, health.indexOf('}', health.indexOf("\"data\"", at)) + 1);
    }

    private static String json(TrendPoint point) {
        return new String(Topics.TRENDS.valueSerde().serializer().serialize(Topics.TRENDS.name(), point), StandardCharsets.UTF_8);
    }

    private Double p75(String tenant, Instant minute) throws Exception {
        try (Connection c = db.getConnection(); var s = c.prepareStatement(
                "SELECT p75 FROM trend_minutes WHERE tenant = ? AND window_start = ?")) {
            s.setString(1, tenant);
            s.setTimestamp(2, java.sql.Timestamp.from(minute));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getDouble(1) : null;
            }
        } catch (java.sql.SQLException notYet) {
            return null;
        }
    }

    private String table() throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT tenant, metric, window_start, samples, p75 FROM trend_minutes ORDER BY tenant, metric, window_start")) {
            while (r.next()) {
                rows.append(r.getString(1)).append(' ').append(r.getString(2)).append(' ').append(r.getTimestamp(3))
                        .append(' ').append(r.getLong(4)).append(' ').append(r.getDouble(5)).append('\n');
            }
        }
        return rows.toString();
    }
}

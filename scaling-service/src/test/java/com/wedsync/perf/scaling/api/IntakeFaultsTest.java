package com.wedsync.perf.scaling.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.TableSnapshot;
import com.wedsync.perf.localstack.TopicRecords;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.scaling.load.ScalingIntake;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The scaling intake under faults: unreadable trends and alerts go to the dead-letter topic once and the minutes after
 * them are kept; while PostgreSQL is stopped the API answers 503 and the intake waits, losing nothing; reading every
 * input record again changes nothing in the database.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "scaling"))
class IntakeFaultsTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static final TopicRecords TOPIC = new TopicRecords(LocalStack.shared().bootstrapServers());

    @Inject
    AgroalDataSource db;

    @Inject
    ScalingIntake intake;

    @Test
    void shouldDeadLetterUnreadableRecordsOnceAndKeepTheMinutesAfterThem() throws Exception {
        String tenant = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = minutesAgo(3);
        String good = json(requests(tenant, minute, 420));
        List<RecordMetadata> poison = List.of(TOPIC.send(Topics.TRENDS.name(), 3, "{}"),
                TOPIC.send(Topics.TRENDS.name(), 3, good.substring(0, 30)),
                TOPIC.send(Topics.TRENDS.name(), 3, good.replace("\"count\":420", "\"count\":-1")),
                TOPIC.send(Topics.ALERTS.name(), 0, "{\"alertId\": []}"));
        TOPIC.send(Topics.TRENDS.name(), 3, good);

        await().atMost(Duration.ofSeconds(30)).until(() -> load(tenant, minute) == 420);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TOPIC.deadLetters("scaling-service", poison), found -> found.size() >= poison.size());
        Thread.sleep(2000);
        assertThat(TOPIC.deadLetters("scaling-service", poison)).as("each exactly once").hasSize(poison.size());
    }

    @Test
    void shouldAnswer503WhilePostgresIsDownAndKeepWhatCameMeanwhile() throws Exception {
        String tenant = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = minutesAgo(2);
        LocalStack.shared().stopPostgres();
        try {
            given().header("Authorization", OPS).get("/v1/recommendations?tenant=*").then().statusCode(503)
                    .header("Retry-After", "5").body("detail", containsString("database"));
            TOPIC.send(Topics.TRENDS.name(), 4, json(requests(tenant, minute, 77)));
            Thread.sleep(5000);
        } finally {
            LocalStack.shared().startPostgres();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> load(tenant, minute) == 77);
    }

    @Test
    void shouldChangeNothingWhenEveryInputRecordIsReadAgain() throws Exception {
        String tenant = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = minutesAgo(4);
        TOPIC.send(Topics.TRENDS.name(), 5, json(requests(tenant, minute, 31)));
        await().atMost(Duration.ofSeconds(30)).until(() -> load(tenant, minute) == 31);
        Thread.sleep(1000);
        String before = TableSnapshot.of(db, "load_minutes", "emergencies");

        int replayed = 0;
        for (String topic : List.of(Topics.TRENDS.name(), Topics.ALERTS.name())) {
            for (ConsumerRecord<byte[], byte[]> record : TOPIC.readAll(topic)) {
                try {
                    intake.apply(record);
                    replayed++;
                } catch (RuntimeException poison) {
                    // dead-lettered when it was first read
                }
            }
        }

        assertThat(replayed).isPositive();
        assertThat(TableSnapshot.of(db, "load_minutes", "emergencies")).isEqualTo(before);
    }

    private static Instant minutesAgo(int minutes) {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutes));
    }

    /** A tenant's closed minute of all server operations: the request load the forecast counts. */
    private static TrendPoint requests(String tenant, Instant minute, long count) {
        return new TrendPoint(tenant, Source.SERVER, TrendKey.ALL, TrendKey.ALL, TrendKey.ALL, Resolution.MINUTE, minute,
                minute.plus(Duration.ofMinutes(1)), count, 80, 120, 300, 450, 20, 900, 0, 0, 0, 0, "", 0.01);
    }

    private long load(String tenant, Instant minute) {
        try (Connection c = db.getConnection(); var s = c.prepareStatement(
                "SELECT load FROM load_minutes WHERE tenant = ? AND minute = ?")) {
            s.setString(1, tenant);
            s.setTimestamp(2, java.sql.Timestamp.from(minute));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        } catch (java.sql.SQLException notYet) {
            return -1;
        }
    }

    private static String json(TrendPoint point) {
        return new String(Topics.TRENDS.valueSerde().serializer().serialize(Topics.TRENDS.name(), point),
                StandardCharsets.UTF_8);
    }
}

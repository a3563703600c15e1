package com.wedsync.perf.alerting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.alerting.intake.AlertIntake;
import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.TableSnapshot;
import com.wedsync.perf.localstack.TopicRecords;
import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The alert intake under faults: unreadable records go to the dead-letter topic once and the records after them are
 * applied; while PostgreSQL is stopped the API answers 503 and the intake waits, losing nothing; reading every input
 * record again changes nothing in the database; a batch in which the database refuses one record applies the others.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
@WithTestResource(FakeWebhookResource.class)
class IntakeFaultsTest {

    private static final TopicRecords TOPIC = new TopicRecords(LocalStack.shared().bootstrapServers());

    @Inject
    AgroalDataSource db;

    @Inject
    AlertIntake intake;

    @Test
    void shouldDeadLetterUnreadableRecordsOnceAndApplyTheOnesAfterThem() throws Exception {
        String tenant = TestData.uniqueTenant("poison");
        String good = json(TestData.lcpMinute(tenant, "/guests", TestData.minutesAgo(3), 1200, 50));
        List<RecordMetadata> poison = List.of(TOPIC.send(Topics.TRENDS.name(), 1, "{}"),
                TOPIC.send(Topics.TRENDS.name(), 1, good.substring(0, 40)),
                TOPIC.send(Topics.TRENDS.name(), 1, good.replace("\"count\":50", "\"count\":-1")),
                TOPIC.send(Topics.INTERFERENCE.name(), 1, "{\"victimTenant\": 7}"));
        RecordMetadata after = TOPIC.send(Topics.TRENDS.name(), 1, good);

        await().atMost(Duration.ofSeconds(30)).until(() -> nextOffset(Topics.TRENDS.name(), 1) > after.offset());
        List<DeadLetter> letters = await().atMost(Duration.ofSeconds(30))
                .until(() -> TOPIC.deadLetters("alerting-service", poison), found -> found.size() >= poison.size());
        Thread.sleep(2000);
        assertThat(TOPIC.deadLetters("alerting-service", poison)).as("each exactly once").hasSize(poison.size());
        assertThat(letters).extracting(DeadLetter::reason).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void shouldAnswer503WhilePostgresIsDownAndApplyWhatCameMeanwhile() throws Exception {
        String tenant = TestData.uniqueTenant("outage");
        RecordMetadata during;
        LocalStack.shared().stopPostgres();
        try {
            given().header("Authorization", TestData.OPS).queryParam("tenant", tenant).get("/v1/alerts")
                    .then().statusCode(503).header("Retry-After", "5").body("error", equalTo("unavailable"));
            during = TOPIC.send(Topics.TRENDS.name(), 2, json(TestData.lcpMinute(tenant, "/guests",
                    TestData.minutesAgo(2), 1300, 50)));
            Thread.sleep(5000);
        } finally {
            LocalStack.shared().startPostgres();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> nextOffset(Topics.TRENDS.name(), 2) > during.offset());
        given().header("Authorization", TestData.OPS).queryParam("tenant", tenant).get("/v1/alerts")
                .then().statusCode(200);
    }

    @Test
    void shouldChangeNothingWhenEveryInputRecordIsReadAgain() throws Exception {
        String tenant = TestData.uniqueTenant("replay");
        RecordMetadata last = TOPIC.send(Topics.TRENDS.name(), 0,
                json(TestData.lcpMinute(tenant, "/guests", TestData.minutesAgo(4), 5200, 80)));
        await().atMost(Duration.ofSeconds(30)).until(() -> nextOffset(Topics.TRENDS.name(), 0) > last.offset());
        // Columns the dispatcher and the stale-alert sweep leave alone: a replay would add rows here.
        String[] tables = {"processed_offsets", "hour_points", "server_minutes",
                "SELECT id, fingerprint, type, created_at FROM performance_alerts",
                "SELECT id, alert_id, destination, dedup_key FROM outbox",
                "SELECT id, topic, event_key, dedup_key FROM event_outbox"};
        String before = TableSnapshot.of(db, tables);

        int replayed = 0;
        for (String topic : List.of(Topics.TRENDS.name(), Topics.INTERFERENCE.name())) {
            List<ConsumerRecord<byte[], byte[]>> records = TOPIC.readAll(topic);
            intake.applyAll(records);
            replayed += records.size();
        }

        assertThat(replayed).isPositive();
        assertThat(TableSnapshot.of(db, tables)).isEqualTo(before);
    }

    @Test
    void shouldApplyTheRestOfABatchWhenTheDatabaseRefusesOneOfItsRecords() {
        // A partition no consumer reads, so the offsets here are this test's own.
        int partition = 1000 + (int) (System.nanoTime() % 1000);
        String tenant = TestData.uniqueTenant("batch");
        String refusedId = "audit-" + tenant + "-nul";
        String acceptedId = "audit-" + tenant + "-ok";
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                record(Topics.TRENDS.name(), partition, 0, json(TestData.lcpMinute(tenant, "/guests", TestData.minutesAgo(3), 1200, 50))),
                // Reads as an audit event; PostgreSQL refuses a text with a zero byte (SQL state 22).
                record(Topics.AUDIT.name(), partition, 0, audit(refusedId, "ops\\u0000")),
                record(Topics.AUDIT.name(), partition, 1, audit(acceptedId, "ops")),
                record(Topics.TRENDS.name(), partition, 1, json(TestData.lcpMinute(tenant, "/guests", TestData.minutesAgo(2), 1300, 50))));

        intake.applyAll(batch);

        assertThat(nextOffset(Topics.TRENDS.name(), partition)).as("both trend points applied").isEqualTo(2);
        assertThat(nextOffset(Topics.AUDIT.name(), partition)).as("the accepted audit event applied").isEqualTo(2);
        assertThat(auditEvents(refusedId, acceptedId)).containsExactly(acceptedId);
        RecordMetadata refused = new RecordMetadata(new TopicPartition(Topics.AUDIT.name(), partition), 0, 0, 0, 0, 0);
        List<DeadLetter> letters = await().atMost(Duration.ofSeconds(30))
                .until(() -> TOPIC.deadLetters("alerting-service", List.of(refused)), found -> !found.isEmpty());
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).reason()).contains("could not apply it");

        intake.applyAll(batch.subList(2, 4));
        assertThat(auditEvents(refusedId, acceptedId)).as("a replay changes nothing").containsExactly(acceptedId);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, String value) {
        return new ConsumerRecord<>(topic, partition, offset, new byte[0], value.getBytes(StandardCharsets.UTF_8));
    }

    private static String audit(String eventId, String actor) {
        return "{\"eventId\":\"" + eventId + "\",\"service\":\"ingest-service\",\"at\":\"2026-12-01T10:00:00Z\","
                + "\"actor\":\"" + actor + "\",\"tenant\":\"t\",\"action\":\"key.created\",\"subject\":\"k\"}";
    }

    private List<String> auditEvents(String... ids) {
        try (Connection c = db.getConnection(); var s = c.prepareStatement(
                "SELECT event_id FROM audit_log WHERE event_id = ANY (?) ORDER BY event_id")) {
            s.setArray(1, c.createArrayOf("text", ids));
            List<String> found = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
            return found;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long nextOffset(String topic, int partition) {
        try (Connection c = db.getConnection(); var s = c.prepareStatement(
                "SELECT next_offset FROM processed_offsets WHERE topic = ? AND partition = ?")) {
            s.setString(1, topic);
            s.setInt(2, partition);
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

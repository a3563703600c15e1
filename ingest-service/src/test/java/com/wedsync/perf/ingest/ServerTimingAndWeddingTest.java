package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.OperationKey;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ServerTimingAndWeddingTest {

    @Test
    void shouldPublishServerTimingsAndRefuseTheBadOnesOfABatch() {
        TestTenants.Registered tenant = TestTenants.register("backend");
        try (TopicReader<OperationKey, ServerTiming> timings = TopicReader.fromNow(Topics.SERVER_TIMINGS)) {
            given().header("Authorization", "Bearer " + tenant.serverKey()).contentType(ContentType.JSON).body("""
                    [{"operation": "photo_upload", "route": "/weddings/2041/photos?sig=abc", "durationMs": 3120,
                      "status": 201, "weddingId": "w-2041", "release": "2026.12.2", "variant": "uploads-v3:B"},
                     {"operation": "guest_list_access", "durationMs": 480, "status": 503},
                     {"operation": "Guest List!", "durationMs": 10},
                     {"operation": "timeline_sync", "durationMs": -4},
                     {"operation": "timeline_sync", "durationMs": 4, "variant": "no-arm"},
                     {"operation": "timeline_sync", "durationMs": 4, "release": "2026 12"}]""")
                    .when().post("/v1/server-timings")
                    .then().statusCode(202).body("accepted", equalTo(2)).body("rejected", equalTo(4))
                    .body("rejections.at", equalTo(List.of("[2]", "[3]", "[4]", "[5]")));

            List<ServerTiming> published = timings.awaitRecords(r -> ofTenant(r, tenant).size() >= 2,
                    Duration.ofSeconds(20)).stream().map(ConsumerRecord::value)
                    .filter(t -> t.tenant().equals(tenant.id())).toList();
            assertThat(published).extracting(ServerTiming::operation)
                    .containsExactlyInAnyOrder("photo_upload", "guest_list_access");
            ServerTiming upload = published.stream().filter(t -> t.operation().equals("photo_upload")).findFirst().orElseThrow();
            assertThat(upload.route()).isEqualTo("/weddings/:id/photos");
            assertThat(upload.weddingId()).isEqualTo("w-2041");
            assertThat(upload.release()).isEqualTo("2026.12.2");
            assertThat(upload.variant()).isEqualTo("uploads-v3:B");
            assertThat(upload.error()).isFalse();
            assertThat(published.stream().filter(t -> t.operation().equals("guest_list_access")).findFirst()
                    .orElseThrow().error()).as("a 503 is an error").isTrue();
        }
    }

    @Test
    void shouldRefuseServerTimingsWithoutAValidServerKey() {
        given().contentType(ContentType.JSON).body("{\"operation\": \"api_request\", \"durationMs\": 5}")
                .when().post("/v1/server-timings")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer sk_not_a_real_key_000000").contentType(ContentType.JSON)
                .body("{\"operation\": \"api_request\", \"durationMs\": 5}")
                .when().post("/v1/server-timings")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void shouldPublishAWeddingScheduleInTheVenuesTimeZone() {
        TestTenants.Registered tenant = TestTenants.register("planner");
        try (TopicReader<String, WeddingSchedule> weddings = TopicReader.fromNow(Topics.WEDDINGS)) {
            given().header("Authorization", "Bearer " + tenant.serverKey()).contentType(ContentType.JSON)
                    .body("{\"ceremonyAt\": \"2026-06-13T14:00\", \"timeZone\": \"Europe/London\", "
                            + "\"guestCount\": 140, \"vendorCount\": 9}")
                    .when().put("/v1/weddings/w-2041")
                    .then().statusCode(200).body("ceremonyAt", equalTo("2026-06-13T13:00:00Z"));

            WeddingSchedule wedding = weddings.awaitValue(tenant.id() + "/w-2041", Duration.ofSeconds(20));
            assertThat(wedding.ceremonyAt()).isEqualTo(Instant.parse("2026-06-13T13:00:00Z"));
            assertThat(wedding.guestCount()).isEqualTo(140);
            assertThat(wedding.status()).isEqualTo(WeddingStatus.SCHEDULED);
        }
        given().header("Authorization", "Bearer " + tenant.serverKey()).contentType(ContentType.JSON)
                .body("{\"ceremonyAt\": \"2026-06-13T14:00\", \"timeZone\": \"Mars/Olympus\"}")
                .when().put("/v1/weddings/w-2042")
                .then().statusCode(400).body("error", equalTo("invalid_field"));
        given().header("Authorization", "Bearer " + tenant.serverKey()).contentType(ContentType.JSON)
                .body("{\"ceremonyAt\": \"2026-06-13T14:00\", \"timeZone\": \"Europe/London\", \"status\": \"eloped\"}")
                .when().put("/v1/weddings/w-2043")
                .then().statusCode(400).body("detail", equalTo("status 'eloped' must be scheduled or cancelled"));
    }

    private static List<ServerTiming> ofTenant(List<ConsumerRecord<OperationKey, ServerTiming>> records,
                                               TestTenants.Registered tenant) {
        return records.stream().map(ConsumerRecord::value).filter(t -> t.tenant().equals(tenant.id())).toList();
    }
}

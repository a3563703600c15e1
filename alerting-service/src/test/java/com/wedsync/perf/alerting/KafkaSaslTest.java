package com.wedsync.perf.alerting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.access.TenantFixture;
import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.localstack.LocalStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Alerting on the broker's SASL_PLAINTEXT listener, configured only by Kafka's standard settings (as
 * KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG set them): the tenant reader, the
 * SmallRye channel, the topic set-up, the freshness probe and the alert publisher all authenticate, or nothing below
 * would happen — the listener refuses a client without the password.
 */
@DisabledIfSystemProperty(named = "perf.stack", matches = "docker",
        disabledReason = "Testcontainers' Kafka has no SASL listener; the embedded broker has one")
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, initArgs = {
        @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"),
        @ResourceArg(name = LocalStackTestResource.KAFKA_SECURITY_ARG, value = "sasl")})
class KafkaSaslTest {

    @Test
    void shouldReadTenantsAndTrendsAndPublishAlertsOverSasl() {
        String tenant = TestData.uniqueTenant("sasl");
        TenantFixture.Tokens tokens = TestData.tenantWithTokens(tenant);
        AlertApi.rules(tenant, Map.of("forSeconds", 60));

        TestData.send(TestData.lcpMinute(tenant, "/photos", TestData.minutesAgo(3), 3500, 100));

        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", tokens.read())
                .get("/v1/alerts").then().extract().jsonPath().getList("state", String.class).contains("FIRING"));
        assertThat(publishedAlerts(tenant)).as("pending, then firing, on perf.alerts.v1")
                .extracting(AlertEvent::state).contains(AlertState.PENDING, AlertState.FIRING);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private static List<AlertEvent> publishedAlerts(String tenant) {
        List<AlertEvent> seen = new ArrayList<>();
        try (KafkaConsumer<String, AlertEvent> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", LocalStack.shared().bootstrapServers(), "group.id", "sasl-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (tenant.equals(r.value().tenant())) {
                        seen.add(r.value());
                    }
                });
                return seen.stream().anyMatch(alert -> alert.state() == AlertState.FIRING);
            });
        }
        return seen;
    }
}

package com.wedsync.perf.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.SampleEvents;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSerdeTest {

    static Stream<Arguments> everyTopicWithASampleValue() {
        Map<Topic<?, ?>, Object> samples = Map.ofEntries(
                Map.entry(Topics.TENANTS, SampleEvents.tenant()),
                Map.entry(Topics.WEDDINGS, SampleEvents.wedding()),
                Map.entry(Topics.RUM, SampleEvents.rumMetric()),
                Map.entry(Topics.SERVER_TIMINGS, SampleEvents.serverTiming()),
                Map.entry(Topics.SERVER_HISTOGRAMS, SampleEvents.serverHistogram()),
                Map.entry(Topics.TRENDS, SampleEvents.trendPoint()),
                Map.entry(Topics.ARM_TRENDS, SampleEvents.armTrendPoint()),
                Map.entry(Topics.INTERFERENCE, SampleEvents.interference()),
                Map.entry(Topics.ALERTS, SampleEvents.alert()),
                Map.entry(Topics.SCALING, SampleEvents.scaling()),
                Map.entry(Topics.GATE, SampleEvents.gateDecision()),
                Map.entry(Topics.DEPLOYS, SampleEvents.deployment()),
                Map.entry(Topics.LIGHTHOUSE, SampleEvents.labFindings()),
                Map.entry(Topics.AUDIT, SampleEvents.audit()),
                Map.entry(Topics.DEAD_LETTERS, SampleEvents.deadLetter()));
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all());
        return samples.entrySet().stream().map(e -> Arguments.of(e.getKey().name(), e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTopicWithASampleValue")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void shouldRoundTripEveryEventThroughItsTopicsValueSerde(String name, Topic topic, Object sample) {
        byte[] bytes = topic.valueSerde().serializer().serialize(name, sample);

        Object back = topic.valueSerde().deserializer().deserialize(name, bytes);

        assertThat(back).isEqualTo(sample);
    }

    @Test
    void shouldRoundTripTypedKeys() {
        RumMetric metric = SampleEvents.rumMetric();
        byte[] bytes = Topics.RUM.keySerde().serializer().serialize(Topics.RUM.name(), metric.key());
        assertThat(Topics.RUM.keySerde().deserializer().deserialize(Topics.RUM.name(), bytes)).isEqualTo(metric.key());
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"tenant\":\"studio-aurora\",\"route\":\"/clients/:id/forms\"}");
    }

    @Test
    void shouldPassNullsThroughForTombstones() {
        JsonSerde<TenantConfig> serde = JsonSerde.of(TenantConfig.class);
        assertThat(serde.serialize(Topics.TENANTS.name(), null)).isNull();
        assertThat(serde.deserialize(Topics.TENANTS.name(), null)).isNull();
    }

    @Test
    void shouldWriteReadableJsonWithIsoInstantsAndWithoutNullsOrDerivedFlags() {
        String json = new String(Topics.TENANTS.valueSerde().serializer().serialize("t", SampleEvents.tenant()),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"updatedAt\":\"2026-06-13T14:00:00Z\"", "\"tier\":\"PREMIUM\"")
                .doesNotContain("premium\":");
        String alert = new String(Topics.ALERTS.valueSerde().serializer().serialize("a", SampleEvents.alert()),
                StandardCharsets.UTF_8);
        assertThat(alert).doesNotContain("acknowledgedBy", "weddingDay");
    }

    @Test
    void shouldNameTheTopicAndTypeWhenAPayloadIsNotJson() {
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.RUM.valueSerde().deserializer().deserialize("perf.rum.v1", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("perf.rum.v1")
                .hasMessageContaining("RumMetric");
    }

    @Test
    void shouldRejectAPayloadThatBreaksTheEventsRules() {
        byte[] negativeLcp = ("{\"tenant\":\"t\",\"route\":\"/\",\"metric\":\"LCP\",\"value\":-5,\"rating\":\"GOOD\","
                + "\"receivedAt\":\"2026-06-13T14:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
        byte[] missingTenant = "{\"route\":\"/\",\"metric\":\"CLS\",\"value\":0.1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.RUM.valueSerde().deserializer().deserialize("perf.rum.v1", negativeLcp))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("perf.rum.v1")
                .hasMessageContaining("LCP value -5.0 is negative");
        assertThatThrownBy(() -> Topics.RUM.valueSerde().deserializer().deserialize("perf.rum.v1", missingTenant))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("tenant is required");
    }

    @Test
    void shouldIgnoreFieldsAddedByNewerWritersAndDefaultMissingOptionalOnes() {
        byte[] newer = ("{\"tenantId\":\"t1\",\"name\":\"T1\",\"updatedAt\":\"2026-06-13T14:00:00Z\","
                + "\"addedInAFutureVersion\":{\"x\":1},\"tier\":\"premium\"}").getBytes(StandardCharsets.UTF_8);

        TenantConfig tenant = Topics.TENANTS.valueSerde().deserializer().deserialize("perf.tenants.v1", newer);

        assertThat(tenant.tenantId()).isEqualTo("t1");
        assertThat(tenant.isPremium()).isTrue();
        assertThat(tenant.ingestKeys()).isEqualTo(List.of());
        assertThat(tenant.rateLimits()).isEqualTo(com.wedsync.perf.model.event.RateLimits.DEFAULT);
    }

    @Test
    void shouldCarryScopedTokensAndReadOlderRecordsUnnamedReadTokensAsReadScope() {
        java.time.Instant at = java.time.Instant.parse("2026-06-13T14:00:00Z");
        TenantConfig tenant = new TenantConfig("t1", "T1", null, null, null, null, List.of("sha256:old"), null, at,
                List.of(new com.wedsync.perf.model.event.TenantToken("ci-bot", com.wedsync.perf.model.event.TokenScope.WRITE,
                        "sha256:new", at)));

        byte[] bytes = Topics.TENANTS.valueSerde().serializer().serialize("perf.tenants.v1", tenant);
        TenantConfig read = Topics.TENANTS.valueSerde().deserializer().deserialize("perf.tenants.v1", bytes);
        byte[] older = ("{\"tenantId\":\"t2\",\"name\":\"T2\",\"updatedAt\":\"2026-06-13T14:00:00Z\","
                + "\"readTokenHashes\":[\"sha256:a\"]}").getBytes(StandardCharsets.UTF_8);
        TenantConfig old = Topics.TENANTS.valueSerde().deserializer().deserialize("perf.tenants.v1", older);

        assertThat(read).isEqualTo(tenant);
        assertThat(read.allTokens()).extracting(t -> t.name() + ":" + t.scope())
                .containsExactly("ci-bot:WRITE", "legacy-read-1:READ");
        assertThat(old.tokens()).isEmpty();
        assertThat(old.allTokens()).extracting(t -> t.name() + ":" + t.scope() + ":" + t.hash())
                .containsExactly("legacy-read-1:READ:sha256:a");
    }
}

package com.wedsync.perf.model.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldRegisterEveryTopicOfTheDesignOnceWithAVersionedName() {
        Set<String> names = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());
        assertThat(names).hasSize(Topics.all().size()).containsExactlyInAnyOrder(
                "perf.tenants.v1", "perf.weddings.v1", "perf.rum.v1", "perf.server.v1", "perf.server-histograms.v1", "perf.trends.v1", "perf.arm-trends.v1",
                "perf.interference.v1", "perf.alerts.v1", "perf.scaling.v1", "perf.gate.v1", "perf.deploys.v1",
                "perf.lighthouse.v1", "perf.audit.v1", "perf.deadletter.v1");
    }

    @Test
    void shouldCompactTenantsWeddingsAndLighthouseFindingsOnly() {
        Set<String> compacted = Topics.all().stream().filter(t -> t.cleanupPolicy() == CleanupPolicy.COMPACT)
                .map(Topic::name).collect(Collectors.toSet());
        assertThat(compacted).containsExactlyInAnyOrder("perf.tenants.v1", "perf.weddings.v1", "perf.lighthouse.v1");
        assertThat(Topics.TENANTS.configs()).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
    }

    @Test
    void shouldKeepRawMeasurementsNinetyDays() {
        assertThat(Topics.RUM.configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(90).toMillis()));
        assertThat(Topics.SERVER_TIMINGS.retention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void shouldFindTopicsByName() {
        assertThat(Topics.byName("perf.rum.v1")).containsSame(Topics.RUM);
        assertThat(Topics.byName("perf.rum.v2")).isEmpty();
    }

    @Test
    void shouldRejectInconsistentDefinitions() {
        assertThatThrownBy(() -> new Topic<>("x", 1, CleanupPolicy.COMPACT, Duration.ofDays(1), Serdes.String(),
                Serdes.String())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topic<>("x", 0, CleanupPolicy.DELETE, Duration.ofDays(1), Serdes.String(),
                Serdes.String())).isInstanceOf(IllegalArgumentException.class);
    }
}

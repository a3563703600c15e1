package com.wedsync.perf.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InputProgressTest {

    private static final Instant T0 = Instant.parse("2026-06-13T14:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("perf.rum.v1", 0);
    private static final TopicPartition P1 = new TopicPartition("perf.rum.v1", 1);
    private final InputProgress progress = new InputProgress(Duration.ofMinutes(2), T0);

    @Test
    void shouldCallAConsumerStalledOnlyWhenInputWaitsAndItsPositionHasNotMovedForTheStallTime() {
        progress.update(Map.of(P0, 10L, P1, 5L), Map.of(P0, 20L, P1, 5L), T0.plusSeconds(10));

        InputProgress.Snapshot early = progress.update(Map.of(P0, 10L, P1, 5L), Map.of(P0, 25L, P1, 5L), T0.plusSeconds(120));
        assertThat(early.stalled()).as("two minutes have not passed since it last moved").isFalse();
        assertThat(early.lag()).isEqualTo(15);
        assertThat(early.lagByPartition()).containsEntry("perf.rum.v1-0", 15L).containsEntry("perf.rum.v1-1", 0L);

        InputProgress.Snapshot stalled = progress.update(Map.of(P0, 10L, P1, 5L), Map.of(P0, 30L, P1, 5L), T0.plusSeconds(131));
        assertThat(stalled.stalled()).isTrue();
        assertThat(stalled.reason()).contains("20 records wait", "121 s");

        InputProgress.Snapshot moving = progress.update(Map.of(P0, 11L, P1, 5L), Map.of(P0, 30L, P1, 5L), T0.plusSeconds(140));
        assertThat(moving.stalled()).isFalse();
        assertThat(moving.lastAdvancedAt()).isEqualTo(T0.plusSeconds(140));
    }

    @Test
    void shouldNeverCallAnIdleConsumerWithNothingToReadStalled() {
        progress.update(Map.of(P0, 20L), Map.of(P0, 20L), T0.plusSeconds(10));

        InputProgress.Snapshot quiet = progress.update(Map.of(P0, 20L), Map.of(P0, 20L), T0.plus(Duration.ofHours(8)));

        assertThat(quiet.stalled()).isFalse();
        assertThat(quiet.reason()).isEqualTo("up to date");
    }

    @Test
    void shouldKeepTheLastFiguresAndSayWhyWhenTheBrokerCannotBeAsked() {
        progress.update(Map.of(P0, 10L), Map.of(P0, 20L), T0.plusSeconds(10));

        InputProgress.Snapshot unmeasured = progress.unmeasured("Timed out waiting for a node assignment");

        assertThat(unmeasured.lag()).isEqualTo(10);
        assertThat(unmeasured.reason()).startsWith("cannot measure the input: Timed out");
    }
}

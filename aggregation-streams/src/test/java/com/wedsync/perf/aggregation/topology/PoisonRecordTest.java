package com.wedsync.perf.aggregation.topology;

import static com.wedsync.perf.aggregation.topology.TopologyHarness.metric;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.model.vitals.Metric;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Records nobody should have written: each becomes one dead letter, and every tenant's trends go on exactly. */
class PoisonRecordTest {

    private static final Instant T0 = Instant.parse("2026-06-13T14:00:00Z");
    private final TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), T0);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldDeadLetterEachPoisonRecordOnceAndKeepCountingTheGoodOnes() {
        harness.send(metric("studio-a", "/guests", Metric.LCP, 1200, DeviceClass.MOBILE, "v1-a", T0.plusSeconds(5)));
        TestInputTopic<byte[], byte[]> raw = harness.raw(Topics.RUM.name());
        String good = json(metric("studio-a", "/guests", Metric.LCP, 1400, DeviceClass.MOBILE, "v1-b", T0.plusSeconds(6)));
        raw.pipeInput(null, bytes("{}"), T0.plusSeconds(7));
        raw.pipeInput(null, bytes(good.substring(0, good.length() / 2)), T0.plusSeconds(7));
        raw.pipeInput(null, bytes(good.replace("\"value\":1400.0", "\"value\":-1")), T0.plusSeconds(7));
        raw.pipeInput(null, bytes(good.replace("2026-06-13T14:00:06Z", "3000-01-01T00:00:00Z")), T0.plusSeconds(7));
        raw.pipeInput(null, bytes(good.replace("\"LCP\"", "\"XYZ\"")), T0.plusSeconds(7));
        raw.pipeInput(null, null, T0.plusSeconds(7));
        harness.raw(Topics.SERVER_TIMINGS.name()).pipeInput(null, bytes("[1,2"), T0.plusSeconds(8));
        harness.send(metric("studio-a", "/guests", Metric.LCP, 1600, DeviceClass.MOBILE, "v1-c", T0.plusSeconds(9)));

        harness.advanceTo(T0.plusSeconds(95));

        List<DeadLetter> letters = harness.deadLetters();
        assertThat(letters).extracting(DeadLetter::sourceTopic).containsExactly(Topics.RUM.name(), Topics.RUM.name(),
                Topics.RUM.name(), Topics.RUM.name(), Topics.RUM.name(), Topics.RUM.name(), Topics.SERVER_TIMINGS.name());
        assertThat(letters).extracting(DeadLetter::offset).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 0L);
        assertThat(letters).allSatisfy(letter -> assertThat(letter.consumer()).isEqualTo("aggregation-streams"));
        assertThat(letters.get(0).reason()).contains("tenant is required");
        assertThat(letters.get(0).value()).isEqualTo("{}");
        assertThat(letters.get(2).reason()).contains("LCP", "-1");
        assertThat(letters.get(3).reason()).contains("3000-01-01", "ahead of the clock");
        assertThat(letters.get(4).reason()).contains("XYZ");
        assertThat(letters.get(5).reason()).contains("without a value");
        assertThat(harness.counter("dead-letters-total")).isEqualTo(7);

        TrendPoint minute = harness.emitted().stream()
                .filter(p -> p.route().equals("/guests") && p.device().equals("MOBILE")).findFirst().orElseThrow();
        assertThat(minute.count()).isEqualTo(2);
        assertThat(minute.min()).isEqualTo(1200);
        assertThat(minute.max()).isEqualTo(1600);
        assertThat(harness.counter("late-samples-total")).as("the year-3000 record did not move the watermark").isZero();
    }

    @Test
    void shouldClampAClockALittleAheadToNowSoTheWatermarkStaysInThePresent() {
        harness.send(metric("studio-a", "/guests", Metric.LCP, 1000, DeviceClass.DESKTOP, null, T0.plusSeconds(10)));
        Instant twoMinutesAhead = T0.plusSeconds(10).plus(Duration.ofMinutes(2));
        harness.raw(Topics.RUM.name()).pipeInput(null,
                bytes(json(metric("studio-b", "/home", Metric.LCP, 900, DeviceClass.DESKTOP, null, twoMinutesAhead))),
                T0.plusSeconds(10));
        harness.send(metric("studio-a", "/guests", Metric.LCP, 1100, DeviceClass.DESKTOP, null, T0.plusSeconds(20)));

        harness.advanceTo(T0.plusSeconds(95));

        List<TrendPoint> points = harness.emitted();
        assertThat(points).filteredOn(p -> p.tenant().equals("studio-a") && p.route().equals("/guests")
                && p.device().equals("DESKTOP")).singleElement().extracting(TrendPoint::count).isEqualTo(2L);
        assertThat(points).filteredOn(p -> p.tenant().equals("studio-b") && p.route().equals(TrendKey.ALL)
                && p.device().equals(TrendKey.ALL)).singleElement().satisfies(p -> assertThat(p.windowStart()).isEqualTo(T0));
        assertThat(harness.deadLetters()).isEmpty();
        assertThat(harness.counter("late-samples-total")).isZero();
    }

    @Test
    void shouldDeadLetterEventTimesOlderThanTheRawRetention() {
        Instant old = T0.minus(Topics.RAW_RETENTION).minusSeconds(60);
        harness.raw(Topics.RUM.name()).pipeInput(null,
                bytes(json(metric("studio-a", "/guests", Metric.LCP, 1000, DeviceClass.DESKTOP, null, old))), T0);

        assertThat(harness.deadLetters()).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).contains("older than the raw retention"));
    }

    private static String json(com.wedsync.perf.model.event.RumMetric metric) {
        return new String(Topics.RUM.valueSerde().serializer().serialize(Topics.RUM.name(), metric), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

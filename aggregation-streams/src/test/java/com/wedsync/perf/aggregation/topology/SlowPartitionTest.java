package com.wedsync.perf.aggregation.topology;

import static com.wedsync.perf.aggregation.topology.TopologyHarness.metric;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.aggregation.window.Partial;
import com.wedsync.perf.aggregation.window.SeriesAggregate;
import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A roll-up over routes merges parts from several input partitions; one partition far behind the others (a
 * catch-up after downtime) holds the owner's windows open instead of losing its part.
 */
class SlowPartitionTest {

    private static final Instant T0 = Instant.parse("2026-06-13T14:00:00Z");
    private final TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), T0, 2);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldWaitForTheSlowestInputPartitionBeforeClosingAMinute() {
        TestInputTopic<String, Partial> partials = harness.partials();
        SeriesKey allRoutes = new SeriesKey("studio-a", Source.RUM, TrendKey.ALL, "LCP", TrendKey.ALL);

        // partition 0 (the driver's own) is an hour ahead
        harness.send(metric("studio-a", "/guests", Metric.LCP, 1000, DeviceClass.MOBILE, null, T0.plusSeconds(10)));
        harness.advanceTo(T0.plus(Duration.ofHours(1)));
        assertThat(harness.emitted()).as("partition 1 has not reported: nothing may close").isEmpty();

        // partition 1 catches up: its part of the first minute arrives an hour late, then its watermark
        SeriesAggregate slowPart = new SeriesAggregate(0.01).add(3000, Rating.NEEDS_IMPROVEMENT, false);
        partials.pipeInput(allRoutes.encoded(), new Partial(T0.toEpochMilli(), slowPart), T0.plusSeconds(90));
        partials.pipeInput(Partial.WATERMARK_KEY_PREFIX + "1", Partial.watermark(T0.plusSeconds(91).toEpochMilli()));

        List<TrendPoint> points = harness.emitted();
        TrendPoint rollUp = points.stream().filter(p -> p.route().equals(TrendKey.ALL) && p.device().equals(TrendKey.ALL)
                && p.windowStart().equals(T0) && p.resolution() == com.wedsync.perf.model.event.Resolution.MINUTE)
                .findFirst().orElseThrow();
        assertThat(rollUp.count()).as("both partitions' parts").isEqualTo(2);
        assertThat(rollUp.max()).isEqualTo(3000);
        assertThat(harness.counter("late-partials-total")).isZero();
    }
}

package com.wedsync.perf.aggregation.topology;

import static com.wedsync.perf.aggregation.topology.TopologyHarness.metric;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.vitals.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a long stop a partition reads a backlog hours old and then, at night, nothing more: its windows still
 * close — every owner waits for the slowest partition, so one stuck partition would stall all trends — while a
 * backlog that is still being read is never cut short.
 */
class DrainedBacklogTest {

    private static final Instant STOPPED_AT = Instant.parse("2026-06-13T02:00:00Z");
    private static final Instant RESTARTED_AT = STOPPED_AT.plus(Duration.ofHours(7));
    private final TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), RESTARTED_AT);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldCloseTheBacklogsWindowsOnceThePartitionHasNothingMoreToRead() {
        harness.replay(lcp(1000, STOPPED_AT.plusSeconds(10)));
        harness.idle(Duration.ofSeconds(20));
        harness.replay(lcp(2000, STOPPED_AT.plusSeconds(20)));
        harness.idle(Duration.ofSeconds(25));
        assertThat(harness.emitted()).as("a backlog read with pauses is still being read").isEmpty();

        harness.idle(Duration.ofSeconds(10));
        TrendPoint minute = allRoutes(harness.emitted());
        assertThat(minute.windowStart()).isEqualTo(STOPPED_AT);
        assertThat(minute.count()).as("both backlog samples, none dropped as late").isEqualTo(2);
        assertThat(harness.counter("late-samples-total")).isZero();

        Instant now = RESTARTED_AT.plusSeconds(120);
        harness.send(lcp(1500, now));
        harness.idle(Duration.ofSeconds(60 + 31));
        assertThat(allRoutes(harness.emitted()).windowStart()).as("live again: the next minute closes on time")
                .isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }

    @Test
    void shouldReportAnEmptyPartitionCaughtUpSoonAfterStart() {
        harness.idle(Duration.ofSeconds(29));
        harness.replay(lcp(1000, RESTARTED_AT.minusSeconds(5)));
        harness.idle(Duration.ofSeconds(60 + 31));
        assertThat(allRoutes(harness.emitted()).count()).as("a record in the first seconds counts").isEqualTo(1);
    }

    private static com.wedsync.perf.model.event.RumMetric lcp(double value, Instant at) {
        return metric("studio-a", "/guests", Metric.LCP, value, DeviceClass.MOBILE, null, at);
    }

    private static TrendPoint allRoutes(List<TrendPoint> points) {
        return points.stream().filter(p -> p.route().equals(TrendKey.ALL) && p.device().equals(TrendKey.ALL)
                && p.resolution() == com.wedsync.perf.model.event.Resolution.MINUTE).findFirst().orElseThrow();
    }
}

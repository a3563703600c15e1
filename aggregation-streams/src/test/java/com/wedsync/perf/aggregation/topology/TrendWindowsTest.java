package com.wedsync.perf.aggregation.topology;

import static com.wedsync.perf.aggregation.topology.TopologyHarness.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.vitals.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Minute windows: when they close, what they contain, what arrives too late, and how ids count. */
class TrendWindowsTest {

    private static final Instant T0 = Instant.parse("2026-06-13T14:00:00Z");
    private final TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), T0);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldEmitAMinuteOnceWhenItClosesAndNotBefore() {
        for (int second = 5; second < 60; second += 5) {
            harness.send(metric("studio-a", "/guests", Metric.LCP, 1000 + second * 10, DeviceClass.MOBILE, null,
                    T0.plusSeconds(second)));
        }
        harness.advanceTo(T0.plusSeconds(60 + 29));
        assertThat(harness.emitted()).as("the 30 s grace is not over yet").isEmpty();

        harness.advanceTo(T0.plusSeconds(60 + 31));
        List<TrendPoint> points = harness.emitted();

        assertThat(points).extracting(p -> p.route() + " " + p.device())
                .containsExactlyInAnyOrder("/guests MOBILE", "/guests *", "* MOBILE", "* *");
        TrendPoint route = only(points, "/guests", "MOBILE");
        assertThat(route.count()).isEqualTo(11);
        assertThat(route.resolution()).isEqualTo(Resolution.MINUTE);
        assertThat(route.windowStart()).isEqualTo(T0);
        assertThat(route.min()).isEqualTo(1050);
        assertThat(route.max()).isEqualTo(1550);
        assertThat(route.p50()).isCloseTo(1300, within(13.0));
        assertThat(route.good()).isEqualTo(11);

        harness.idle(Duration.ofMinutes(5));
        assertThat(harness.emitted()).as("a window is emitted once").isEmpty();
    }

    @Test
    void shouldCountSamplesWithinGraceAndDropAndCountLaterOnes() {
        harness.send(metric("studio-a", "/guests", Metric.LCP, 1200, DeviceClass.DESKTOP, null, T0.plusSeconds(10)));
        harness.send(metric("studio-a", "/guests", Metric.LCP, 1300, DeviceClass.DESKTOP, null, T0.plusSeconds(70)));
        harness.advanceTo(T0.plusSeconds(85));
        // ingest received it inside the first minute but it reached the topology 25 s later: within grace
        harness.send(metric("studio-a", "/guests", Metric.LCP, 5000, DeviceClass.DESKTOP, null, T0.plusSeconds(50)));
        harness.advanceTo(T0.plusSeconds(95));
        harness.send(metric("studio-a", "/guests", Metric.LCP, 9000, DeviceClass.DESKTOP, null, T0.plusSeconds(55)));
        harness.advanceTo(T0.plusSeconds(200));

        List<TrendPoint> points = harness.emitted();
        TrendPoint first = only(points.stream().filter(p -> p.windowStart().equals(T0)).toList(), "/guests", "DESKTOP");
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.max()).isEqualTo(5000);
        assertThat(first.poor()).isEqualTo(1);
        assertThat(harness.counter("late-samples-total")).isEqualTo(1);
    }

    @Test
    void shouldCountAWebVitalsIdOnceWithItsLatestValue() {
        harness.send(metric("studio-a", "/timeline", Metric.CLS, 0.05, DeviceClass.MOBILE, "v5-cls-1", T0.plusSeconds(5)));
        harness.send(metric("studio-a", "/timeline", Metric.CLS, 0.0, DeviceClass.MOBILE, "v5-cls-2", T0.plusSeconds(6)));
        harness.send(metric("studio-a", "/timeline", Metric.CLS, 0.30, DeviceClass.MOBILE, "v5-cls-1", T0.plusSeconds(40)));
        harness.advanceTo(T0.plusSeconds(120));

        TrendPoint point = only(harness.emitted(), "/timeline", "MOBILE");
        assertThat(point.count()).isEqualTo(2);
        assertThat(point.max()).isEqualTo(0.30);
        assertThat(point.min()).isEqualTo(0.0);
        assertThat(point.p50()).as("zero is exact").isEqualTo(0.0);
        assertThat(point.good()).isEqualTo(1);
        assertThat(point.poor()).isEqualTo(1);
        assertThat(point.needsImprovement()).isZero();
    }

    @Test
    void shouldCountAnUpdateInALaterMinuteInTheIdsOwnWindowWhileThatIsOpen() {
        harness.send(metric("studio-a", "/timeline", Metric.INP, 180, DeviceClass.MOBILE, "v5-inp-1", T0.plusSeconds(50)));
        harness.send(metric("studio-a", "/timeline", Metric.INP, 640, DeviceClass.MOBILE, "v5-inp-1", T0.plusSeconds(75)));
        harness.advanceTo(T0.plusSeconds(300));

        List<TrendPoint> points = harness.emitted().stream()
                .filter(p -> p.route().equals("/timeline") && p.device().equals("MOBILE")).toList();
        assertThat(points).hasSize(1);
        assertThat(points.get(0).windowStart()).isEqualTo(T0);
        assertThat(points.get(0).count()).isEqualTo(1);
        assertThat(points.get(0).max()).isEqualTo(640);
        assertThat(points.get(0).poor()).isEqualTo(1);
    }

    @Test
    void shouldDropAndCountAnUpdateArrivingAfterItsWindowClosed() {
        harness.send(metric("studio-a", "/timeline", Metric.CLS, 0.05, DeviceClass.MOBILE, "v5-cls-9", T0.plusSeconds(5)));
        harness.advanceTo(T0.plusSeconds(150));
        assertThat(harness.emitted()).isNotEmpty();

        harness.send(metric("studio-a", "/timeline", Metric.CLS, 0.9, DeviceClass.MOBILE, "v5-cls-9", T0.plusSeconds(160)));
        harness.advanceTo(T0.plusSeconds(400));

        assertThat(harness.emitted()).as("the update counts nowhere").isEmpty();
        assertThat(harness.counter("late-updates-total")).isEqualTo(1);
    }

    @Test
    void shouldKeepTenantsApartEvenOnTheSameRoute() {
        harness.send(metric("studio-a", "/guests", Metric.TTFB, 100, DeviceClass.MOBILE, null, T0.plusSeconds(1)));
        harness.send(metric("studio-b", "/guests", Metric.TTFB, 2000, DeviceClass.MOBILE, null, T0.plusSeconds(2)));
        harness.send(metric("studio-b", "/guests", Metric.TTFB, 2100, DeviceClass.MOBILE, null, T0.plusSeconds(3)));
        harness.advanceTo(T0.plusSeconds(120));

        List<TrendPoint> points = harness.emitted();
        assertThat(points.stream().filter(p -> p.tenant().equals("studio-a")).mapToLong(TrendPoint::count))
                .containsOnly(1L);
        assertThat(points.stream().filter(p -> p.tenant().equals("studio-b")).mapToLong(TrendPoint::count))
                .containsOnly(2L);
        assertThat(points.stream().filter(p -> p.tenant().equals("studio-a")).mapToDouble(TrendPoint::max))
                .containsOnly(100.0);
    }

    static TrendPoint only(List<TrendPoint> points, String route, String device) {
        List<TrendPoint> matching = points.stream()
                .filter(p -> p.route().equals(route) && p.device().equals(device) && !TrendKey.ALL.equals(p.metric()))
                .toList();
        assertThat(matching).as("points for %s on %s", route, device).hasSize(1);
        return matching.get(0);
    }
}

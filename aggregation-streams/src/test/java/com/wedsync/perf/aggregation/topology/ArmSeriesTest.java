package com.wedsync.perf.aggregation.topology;

import static com.wedsync.perf.aggregation.topology.TopologyHarness.metric;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.vitals.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Releases and variants as series dimensions: each arm's minute per route and device (per operation for server
 * timings) goes to perf.arm-trends.v1 and never to perf.trends.v1, whose counts stay those of all traffic; a CLS id
 * reported again replaces its value in the arm's series too; a tenant opening more arms than its share counts the rest
 * only in its pages' series.
 */
class ArmSeriesTest {

    private static final Instant MINUTE = Instant.parse("2026-06-13T14:00:00Z");

    private TopologyHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldCountEachArmApartAndKeepTheTrendsOfAllTraffic() {
        harness = new TopologyHarness(AggregationSettings.defaults(), MINUTE);
        for (int i = 0; i < 10; i++) {
            Instant at = MINUTE.plusSeconds(i);
            String variant = i % 2 == 0 ? "gallery-v2:A" : "gallery-v2:B";
            harness.send(metric("studio-a", "/photos/gallery", Metric.LCP, i % 2 == 0 ? 2000 : 3000, DeviceClass.MOBILE,
                    "l-" + i, at).withVariantAndRelease(variant, i < 4 ? "2026.12.1" : "2026.12.2"));
        }
        harness.send(new ServerTiming("studio-a", "guest_list_access", "/guests", 120, 200, false, null,
                MINUTE.plusSeconds(20), "2026.12.2", null));
        harness.send(metric("studio-a", "/photos/gallery", Metric.CLS, 0.05, DeviceClass.MOBILE, "c-1", MINUTE.plusSeconds(30))
                .withVariantAndRelease("gallery-v2:B", null));
        harness.send(metric("studio-a", "/photos/gallery", Metric.CLS, 0.30, DeviceClass.MOBILE, "c-1", MINUTE.plusSeconds(40))
                .withVariantAndRelease("gallery-v2:B", null));
        harness.idle(Duration.ofMinutes(2));

        List<TrendPoint> trends = harness.emitted();
        assertThat(trends).noneMatch(TrendPoint::isArm);
        assertThat(trends).filteredOn(p -> p.resolution() == Resolution.MINUTE && p.metric().equals("LCP")
                && p.route().equals("/photos/gallery") && p.device().equals("MOBILE")).singleElement()
                .satisfies(p -> assertThat(p.count()).isEqualTo(10));

        List<TrendPoint> arms = harness.armMinutes();
        assertThat(arms).allMatch(p -> p.resolution() == Resolution.MINUTE);
        assertThat(arms).filteredOn(p -> p.metric().equals("LCP")).extracting(p -> p.arm() + " " + p.count() + " " + p.p50())
                .containsExactlyInAnyOrder("gallery-v2:A 5 " + p50(arms, "gallery-v2:A"), "gallery-v2:B 5 "
                        + p50(arms, "gallery-v2:B"), "2026.12.1 4 " + p50(arms, "2026.12.1"), "2026.12.2 6 "
                        + p50(arms, "2026.12.2"));
        assertThat(p50(arms, "gallery-v2:A")).isCloseTo(2000, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(p50(arms, "gallery-v2:B")).isCloseTo(3000, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(arms).filteredOn(p -> p.metric().equals("LCP"))
                .allMatch(p -> p.route().equals("/photos/gallery") && p.device().equals("MOBILE"));
        assertThat(arms).filteredOn(p -> p.metric().equals("CLS")).singleElement().satisfies(p -> {
            assertThat(p.count()).as("the CLS id counts once, with its latest value").isEqualTo(1);
            assertThat(p.max()).isCloseTo(0.30, org.assertj.core.data.Offset.offset(0.005));
        });
        assertThat(arms).filteredOn(p -> p.source() == Source.SERVER).singleElement().satisfies(p -> {
            assertThat(p.metric()).isEqualTo("guest_list_access");
            assertThat(p.route()).isEqualTo(TrendKey.ALL);
            assertThat(p.arm()).isEqualTo("2026.12.2");
        });
    }

    @Test
    void shouldCountArmsBeyondTheTenantsShareOnlyInItsPages() {
        harness = new TopologyHarness(AggregationSettings.defaults().withArmsPerPartition(3), MINUTE);
        for (int i = 0; i < 10; i++) {
            harness.send(metric("studio-a", "/guests", Metric.LCP, 1500, DeviceClass.DESKTOP, "l-" + i, MINUTE.plusSeconds(i))
                    .withVariantAndRelease("exp-" + i + ":A", null));
        }
        harness.send(metric("studio-b", "/guests", Metric.LCP, 1500, DeviceClass.DESKTOP, "n-1", MINUTE.plusSeconds(11))
                .withVariantAndRelease("exp-0:A", null));
        harness.idle(Duration.ofMinutes(2));

        assertThat(harness.armMinutes()).extracting(p -> p.tenant() + " " + p.arm()).containsExactlyInAnyOrder(
                "studio-a exp-0:A", "studio-a exp-1:A", "studio-a exp-2:A", "studio-b exp-0:A");
        assertThat(harness.counter("overflow-arm-samples-total")).isEqualTo(7);
        assertThat(harness.emitted()).filteredOn(p -> p.tenant().equals("studio-a") && p.resolution() == Resolution.MINUTE
                && p.route().equals("/guests") && p.device().equals("DESKTOP")).singleElement()
                .satisfies(p -> assertThat(p.count()).isEqualTo(10));
    }

    private static double p50(List<TrendPoint> arms, String arm) {
        return arms.stream().filter(p -> arm.equals(p.arm()) && p.metric().equals("LCP")).findFirst().orElseThrow().p50();
    }
}

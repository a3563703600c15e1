package com.wedsync.perf.aggregation.topology;

import static com.wedsync.perf.aggregation.topology.TopologyHarness.metric;
import static com.wedsync.perf.aggregation.topology.TopologyHarness.timing;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.vitals.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Roll-ups are merges of what they roll up, across routes, devices, minutes and partitions — never averages. */
class RollUpTest {

    private static final Instant HOUR = Instant.parse("2026-06-13T14:00:00Z");
    private final TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), HOUR);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldBuildTheHourTheRouteAndTheDeviceRollUpsFromTheMinuteSketches() {
        Random random = new Random(7);
        List<String> routes = List.of("/guests", "/timeline", "/photos/:id");
        long guestsOnMobile = 0;
        for (int second = 0; second < 3600; second += 3) {
            String route = routes.get(random.nextInt(routes.size()));
            DeviceClass device = random.nextBoolean() ? DeviceClass.MOBILE : DeviceClass.DESKTOP;
            guestsOnMobile += route.equals("/guests") && device == DeviceClass.MOBILE ? 1 : 0;
            harness.send(metric("studio-a", route, Metric.LCP, Math.exp(7.5 + 0.6 * random.nextGaussian()), device,
                    null, HOUR.plusSeconds(second)));
        }
        harness.idle(Duration.ofMinutes(2));
        List<TrendPoint> points = harness.emitted();

        List<TrendPoint> minutes = select(points, Resolution.MINUTE, "/guests", "MOBILE");
        TrendPoint hour = single(select(points, Resolution.HOUR, "/guests", "MOBILE"));
        assertThat(minutes).hasSizeGreaterThan(50).allMatch(p -> p.windowStart().getEpochSecond() % 60 == 0);
        assertThat(hour.count()).isEqualTo(guestsOnMobile);
        assertMergeOf(hour, minutes);

        for (Resolution resolution : List.of(Resolution.MINUTE, Resolution.HOUR)) {
            TrendPoint allRoutes = single(select(points, resolution, TrendKey.ALL, "MOBILE").stream()
                    .filter(p -> p.windowStart().equals(HOUR)).toList());
            List<TrendPoint> perRoute = points.stream().filter(p -> p.resolution() == resolution
                    && p.windowStart().equals(HOUR) && !p.route().equals(TrendKey.ALL) && p.device().equals("MOBILE")).toList();
            assertThat(perRoute).hasSize(routes.size());
            assertMergeOf(allRoutes, perRoute);
        }
        TrendPoint guestsEverywhere = single(select(points, Resolution.HOUR, "/guests", TrendKey.ALL));
        assertMergeOf(guestsEverywhere, select(points, Resolution.HOUR, "/guests", "MOBILE", "DESKTOP"));
        TrendPoint everything = single(select(points, Resolution.HOUR, TrendKey.ALL, TrendKey.ALL));
        assertThat(everything.count()).isEqualTo(1200);
        assertMergeOf(everything, select(points, Resolution.HOUR, TrendKey.ALL, "MOBILE", "DESKTOP"));
    }

    @Test
    void shouldKeepClosedPointsQueryableByTheirSeriesKey() {
        harness.send(metric("studio-a", "/guests", Metric.FCP, 900, DeviceClass.TABLET, null, HOUR.plusSeconds(5)));
        harness.idle(Duration.ofMinutes(3));

        String key = new SeriesKey("studio-a", Source.RUM, "/guests", "FCP", "TABLET").encoded();
        try (WindowStoreIterator<TrendPoint> stored = harness.history(Resolution.MINUTE)
                .fetch(key, HOUR.minusSeconds(60), HOUR.plusSeconds(3600))) {
            assertThat(stored.hasNext()).isTrue();
            assertThat(stored.next().value.max()).isEqualTo(900);
            assertThat(stored.hasNext()).isFalse();
        }
    }

    @Test
    void shouldCountServerErrorsPerOperationAndForTheWholeTenant() {
        for (int i = 0; i < 50; i++) {
            harness.send(timing("studio-a", "photo_upload", 800 + i, i % 10 == 0, HOUR.plusSeconds(i)));
            harness.send(timing("studio-a", "guest_list_access", 120, false, HOUR.plusSeconds(i)));
        }
        harness.idle(Duration.ofMinutes(2));

        List<TrendPoint> points = harness.emitted().stream().filter(p -> p.resolution() == Resolution.MINUTE).toList();
        TrendPoint upload = single(points.stream().filter(p -> p.metric().equals("photo_upload")).toList());
        TrendPoint tenant = single(points.stream().filter(p -> p.metric().equals(TrendKey.ALL)).toList());
        assertThat(upload.source()).isEqualTo(Source.SERVER);
        assertThat(upload.errors()).isEqualTo(5);
        assertThat(upload.errorRate()).isEqualTo(0.1);
        assertThat(tenant.count()).isEqualTo(100);
        assertThat(tenant.errors()).isEqualTo(5);
        assertThat(tenant.good() + tenant.needsImprovement() + tenant.poor()).as("server timings are not rated").isZero();
    }

    private static void assertMergeOf(TrendPoint rollUp, List<TrendPoint> parts) {
        QuantileSketch merged = new QuantileSketch();
        parts.forEach(part -> merged.merge(SketchCodec.decode(part.sketch())));
        assertThat(SketchCodec.decode(rollUp.sketch())).isEqualTo(merged);
        assertThat(rollUp.count()).isEqualTo(parts.stream().mapToLong(TrendPoint::count).sum());
        assertThat(rollUp.good()).isEqualTo(parts.stream().mapToLong(TrendPoint::good).sum());
        assertThat(rollUp.poor()).isEqualTo(parts.stream().mapToLong(TrendPoint::poor).sum());
        assertThat(rollUp.p75()).isEqualTo(merged.quantile(0.75));
        assertThat(rollUp.min()).isEqualTo(parts.stream().mapToDouble(TrendPoint::min).min().orElseThrow());
        assertThat(rollUp.max()).isEqualTo(parts.stream().mapToDouble(TrendPoint::max).max().orElseThrow());
    }

    private static List<TrendPoint> select(List<TrendPoint> points, Resolution resolution, String route, String... devices) {
        Predicate<TrendPoint> device = p -> List.of(devices).contains(p.device());
        return points.stream().filter(p -> p.resolution() == resolution && p.route().equals(route)).filter(device).toList();
    }

    private static TrendPoint single(List<TrendPoint> points) {
        assertThat(points).hasSize(1);
        return points.get(0);
    }
}

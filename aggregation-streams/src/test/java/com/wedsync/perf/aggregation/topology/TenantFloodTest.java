package com.wedsync.perf.aggregation.topology;

import static com.wedsync.perf.aggregation.topology.TopologyHarness.metric;
import static com.wedsync.perf.aggregation.topology.TopologyHarness.timing;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.route.RouteNormalizer;
import com.wedsync.perf.model.vitals.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant that gets past ingest's caps (several ingest instances, or a producer writing to the topic directly) and
 * floods random routes and operations opens no more series than the partition's daily share, and floods of ids fill
 * no more than its share of the id table; its neighbour's trends stay exact.
 */
class TenantFloodTest {

    private static final Instant MINUTE = Instant.parse("2026-06-13T14:00:00Z");
    private static final int SHARE = 300;
    private static final int FLOOD = 5_000;
    private static final int IDS = 500;

    private TopologyHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldCountAFloodOfNewRoutesAndOperationsUnderTheOverflowOnceTheShareIsUsed() {
        harness = new TopologyHarness(AggregationSettings.defaults().withNamesPerPartition(SHARE), MINUTE);
        Random random = new Random(11);
        for (int i = 0; i < FLOOD; i++) {
            Instant at = MINUTE.plusMillis(i);
            harness.send(metric("flood", "/r/" + Long.toHexString(random.nextLong()), Metric.LCP, 2000, DeviceClass.MOBILE,
                    null, at));
            if (i % 10 == 0) {
                harness.send(timing("flood", "op_" + Long.toHexString(random.nextLong()), 50, false, at));
            }
            if (i % 100 == 0) {
                harness.send(metric("neighbour", "/guests", Metric.LCP, 1000 + i / 100, DeviceClass.MOBILE, null, at));
            }
        }
        harness.idle(Duration.ofMinutes(2));
        List<TrendPoint> minutes = harness.emitted().stream().filter(p -> p.resolution() == Resolution.MINUTE).toList();

        Set<String> floodRoutes = minutes.stream().filter(p -> p.tenant().equals("flood") && p.source() == Source.RUM)
                .map(TrendPoint::route).collect(Collectors.toSet());
        assertThat(floodRoutes).hasSize(SHARE + 2).contains(RouteNormalizer.OVERFLOW, TrendKey.ALL);
        assertThat(point(minutes, "flood", RouteNormalizer.OVERFLOW).count()).isEqualTo(FLOOD - SHARE);
        assertThat(minutes.stream().filter(p -> p.tenant().equals("flood") && p.source() == Source.SERVER)
                .map(TrendPoint::metric).collect(Collectors.toSet())).hasSize(SHARE + 2)
                .contains(ServerOperations.OVERFLOW, TrendKey.ALL);
        TrendPoint neighbour = point(minutes, "neighbour", "/guests");
        assertThat(neighbour.count()).as("the neighbour's minute is exact").isEqualTo(FLOOD / 100);
        assertThat(neighbour.max()).isEqualTo(1000 + (FLOOD - 1) / 100);
        assertThat(harness.counter("overflow-samples-total")).isEqualTo((FLOOD - SHARE) + (FLOOD / 10 - SHARE));
        assertThat(openSeries()).as("every minute closed: nothing of the flood is left open").isZero();
    }

    @Test
    void shouldRememberNoMoreThanItsShareOfIdsAndKeepTheNeighboursUpdatesExact() {
        harness = new TopologyHarness(AggregationSettings.defaults().withIdsPerTenant(IDS), MINUTE);
        TopologyHarness shared = harness;
        {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 5 * IDS; i++) {
                    Instant at = MINUTE.plusMillis(round * 20_000L + i);
                    shared.send(metric("flood", "/guests", Metric.CLS, 0.1 * (round + 1), DeviceClass.MOBILE, "f-" + i, at));
                    if (i % 10 == 0) {
                        shared.send(metric("neighbour", "/guests", Metric.CLS, 0.1 * (round + 1), DeviceClass.MOBILE,
                                "n-" + i, at));
                    }
                }
            }
            shared.idle(Duration.ofMinutes(2));
            List<TrendPoint> minutes = shared.emitted().stream().filter(p -> p.resolution() == Resolution.MINUTE).toList();

            TrendPoint neighbour = point(minutes, "neighbour", "/guests");
            assertThat(neighbour.count()).as("each of its ids once").isEqualTo(5 * IDS / 10);
            assertThat(neighbour.min()).as("with its latest value, within the sketch's 1%")
                    .isCloseTo(0.2, org.assertj.core.data.Percentage.withPercentage(1));
            assertThat(shared.counter("unremembered-ids-total")).as("the flood's ids beyond its share, both rounds")
                    .isEqualTo(2 * (5 * IDS - IDS));
            assertThat(point(minutes, "flood", "/guests").count()).as("only the flood's own counts suffer")
                    .isEqualTo(5 * IDS + (5 * IDS - IDS));
        }
    }

    private static TrendPoint point(List<TrendPoint> points, String tenant, String route) {
        return points.stream().filter(p -> p.tenant().equals(tenant) && p.source() == Source.RUM && p.route().equals(route)
                && p.device().equals("MOBILE")).findFirst().orElseThrow();
    }

    private long openSeries() {
        KeyValueStore<String, Object> open = harness.driver.getKeyValueStore(TrendStores.OPEN_PARTIALS);
        long count = 0;
        try (KeyValueIterator<String, Object> all = open.all()) {
            while (all.hasNext()) {
                KeyValue<String, Object> next = all.next();
                count += next.key == null ? 0 : 1;
            }
        }
        return count;
    }
}

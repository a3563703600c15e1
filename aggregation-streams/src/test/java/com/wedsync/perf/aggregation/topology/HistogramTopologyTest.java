package com.wedsync.perf.aggregation.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.ServerHistogram;
import com.wedsync.perf.model.event.ServerHistogram.Explicit;
import com.wedsync.perf.model.event.ServerHistogram.Exponential;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Back ends' duration histograms count in the operation trends like timings: every bucket's values at the bucket's
 * least-error point, cumulative points as differences from the stream's previous one (restarts and retries seen for
 * what they are), and the trend's stated accuracy no better than the coarsest bucket allows.
 */
class HistogramTopologyTest {

    private static final Instant MINUTE = Instant.parse("2026-06-13T14:00:00Z");
    private static final long STARTED = MINUTE.minus(Duration.ofHours(1)).toEpochMilli() * 1_000_000;
    private static final int SCALE = 5;

    @Test
    void shouldCountCumulativeExponentialPointsOnceWithPercentilesWithinTheStatedBound() {
        double[] seconds = durations(10_000, new Random(7));
        try (TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), MINUTE.minusSeconds(5))) {
            harness.send(exponential("stream-a", STARTED, MINUTE.plusSeconds(10), Arrays.copyOf(seconds, 4_000)));
            ServerHistogram all = exponential("stream-a", STARTED, MINUTE.plusSeconds(20), seconds);
            harness.send(all);
            // The exporter's retry of the same point, and a point older than the newest: nothing new.
            harness.send(withReceived(all, MINUTE.plusSeconds(21)));
            harness.idle(Duration.ofSeconds(70));

            TrendPoint minute = minuteOf(harness.emitted(), "photo_upload");
            assertThat(minute.count()).isEqualTo(10_000);
            double bucketError = (Math.pow(2, Math.pow(2, -SCALE)) - 1) / (Math.pow(2, Math.pow(2, -SCALE)) + 1);
            assertThat(minute.relativeAccuracy()).as("the sketch's 1 %% compounded with the buckets' %.4f", bucketError)
                    .isCloseTo(1.01 * (1 + bucketError) - 1, within(1e-9));
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            for (double q : new double[] {0.50, 0.75, 0.95, 0.99}) {
                double exact = sorted[(int) Math.floor(q * (sorted.length - 1))] * 1000;
                double reported = q == 0.50 ? minute.p50() : q == 0.75 ? minute.p75() : q == 0.95 ? minute.p95() : minute.p99();
                assertThat(Math.abs(reported - exact) / exact).as("p%s: %s vs exact %s", (int) (q * 100), reported, exact)
                        .isLessThanOrEqualTo(minute.relativeAccuracy());
            }
            assertThat(harness.counter("histogram-stale-total")).isEqualTo(1);
        }
    }

    @Test
    void shouldCountARestartedStreamFromItsNewStartAndFollowAScaleTheSdkLowered() {
        double[] seconds = durations(3_000, new Random(11));
        try (TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), MINUTE.minusSeconds(5))) {
            harness.send(exponential("stream-b", STARTED, MINUTE.plusSeconds(5), Arrays.copyOf(seconds, 1_000)));
            // The same stream at a coarser scale: the previous counts are brought down to it before the difference.
            harness.send(exponential("stream-b", STARTED, MINUTE.plusSeconds(15), Arrays.copyOf(seconds, 2_000), SCALE - 2));
            // The process restarted: a new start time and fewer values than before.
            long restarted = MINUTE.plusSeconds(20).toEpochMilli() * 1_000_000;
            harness.send(exponential("stream-b", restarted, MINUTE.plusSeconds(30), Arrays.copyOfRange(seconds, 2_000, 2_500)));
            harness.send(exponential("stream-b", restarted, MINUTE.plusSeconds(40), Arrays.copyOfRange(seconds, 2_000, 3_000)));
            harness.idle(Duration.ofSeconds(70));

            assertThat(minuteOf(harness.emitted(), "photo_upload").count()).isEqualTo(3_000);
            assertThat(harness.counter("histogram-restarts-total")).isEqualTo(1);
        }
    }

    @Test
    void shouldStateTheCoarsestExplicitBucketAsTheTrendsAccuracyAndMergeWithTimings() {
        // The SDK's default bounds for http.server.request.duration, in seconds; values from 60 to 900 ms.
        List<Double> bounds = List.of(0.0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
        Random random = new Random(3);
        double[] seconds = new double[2_000];
        long[] counts = new long[bounds.size() + 1];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = 0.06 + random.nextDouble() * 0.84;
            int bucket = 0;
            while (bucket < bounds.size() && seconds[i] > bounds.get(bucket)) {
                bucket++;
            }
            counts[bucket]++;
        }
        try (TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), MINUTE.minusSeconds(5))) {
            harness.send(new ServerHistogram("studio", "guest_list_load", "stream-c", false, STARTED, nanos(MINUTE.plusSeconds(9)),
                    false, null, MINUTE.plusSeconds(10), 1000, seconds.length, Arrays.stream(seconds).min().getAsDouble(),
                    Arrays.stream(seconds).max().getAsDouble(), null, new Explicit(bounds, Arrays.stream(counts).boxed().toList())));
            for (int i = 0; i < 100; i++) {
                harness.send(new ServerTiming("studio", "guest_list_load", null, 400, 200, false, null, MINUTE.plusSeconds(20)));
            }
            harness.idle(Duration.ofSeconds(70));

            List<TrendPoint> emitted = harness.emitted();
            TrendPoint minute = minuteOf(emitted, "guest_list_load");
            assertThat(minute.count()).isEqualTo(2_100);
            // The widest bucket with values is (0.1, 0.25]: its representative is within 0.15 / 0.35 of any value in it.
            assertThat(minute.relativeAccuracy()).isCloseTo(1.01 * (1 + 0.15 / 0.35) - 1, within(1e-9));
            double[] all = Arrays.copyOf(seconds, seconds.length + 100);
            Arrays.fill(all, seconds.length, all.length, 0.4);
            Arrays.sort(all);
            double exact = all[(int) Math.floor(0.95 * (all.length - 1))] * 1000;
            assertThat(Math.abs(minute.p95() - exact) / exact).isLessThanOrEqualTo(minute.relativeAccuracy());
            TrendPoint tenantMinute = minuteOf(emitted, "*");
            assertThat(tenantMinute.relativeAccuracy()).as("the tenant's all-operations series says so too")
                    .isEqualTo(minute.relativeAccuracy());
        }
    }

    @Test
    void shouldDeadLetterAnUnreadablePointOrOneWhoseBucketsDisagreeWithItsCount() {
        try (TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), MINUTE.minusSeconds(5))) {
            var raw = harness.raw(Topics.SERVER_HISTOGRAMS.name());
            raw.pipeInput("s".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8), MINUTE);
            String disagreeing = new String(Topics.SERVER_HISTOGRAMS.valueSerde().serializer().serialize("t",
                    exponential("stream-d", STARTED, MINUTE, new double[] {0.1, 0.2})), StandardCharsets.UTF_8)
                    .replace("\"count\":2", "\"count\":3");
            raw.pipeInput("s".getBytes(StandardCharsets.UTF_8), disagreeing.getBytes(StandardCharsets.UTF_8), MINUTE);
            harness.send(exponential("stream-e", STARTED, MINUTE.plusSeconds(1), new double[] {0.1, 0.2}));
            harness.idle(Duration.ofSeconds(90));

            assertThat(harness.deadLetters()).extracting(DeadLetter::reason)
                    .satisfiesExactly(reason -> assertThat(reason).contains("Bad ServerHistogram payload"),
                            reason -> assertThat(reason).contains("the buckets count 2 values, the point says 3"));
            List<TrendPoint> emitted = harness.emitted();
            assertThat(minuteOf(emitted, "photo_upload").count()).isEqualTo(2);
        }
    }

    @Test
    void shouldKeepATenantMintingStreamsToItsShareWithoutTouchingItsNeighbours() {
        try (TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults().withNamesPerPartition(50),
                MINUTE.minusSeconds(5))) {
            // A flood of 500 streams of one value each (an attribute with a new value per point), twice: 50 are kept.
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 500; i++) {
                    harness.send(withTenant(exponential("flood-" + i, STARTED, MINUTE.plusSeconds(1 + round * 20)
                            .plusMillis(i), new double[] {0.1 * (round + 1)}), "flood"));
                }
            }
            harness.send(exponential("neighbour", STARTED, MINUTE.plusSeconds(30), new double[] {0.2, 0.3, 0.4}));
            harness.idle(Duration.ofSeconds(90));

            List<TrendPoint> emitted = harness.emitted();
            assertThat(emitted.stream().filter(p -> p.tenant().equals("flood") && p.metric().equals("photo_upload")
                    && p.resolution() == Resolution.MINUTE).mapToLong(TrendPoint::count).sum())
                    .as("the kept streams' two values each, every value once").isEqualTo(100);
            assertThat(harness.counter("histogram-overflow-total")).isEqualTo(900);
            assertThat(minuteOf(emitted, "photo_upload").count()).as("the neighbour's, exact").isEqualTo(3);
        }
    }

    private static ServerHistogram withTenant(ServerHistogram point, String tenant) {
        return new ServerHistogram(tenant, point.operation(), point.stream(), point.cumulative(), point.startTimeUnixNano(),
                point.timeUnixNano(), point.error(), point.release(), point.receivedAt(), point.unitMs(), point.count(),
                point.min(), point.max(), point.exponential(), point.explicit());
    }

    /** Upload durations in seconds, log-normal around 0.8 s. */
    private static double[] durations(int n, Random random) {
        double[] seconds = new double[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = Math.exp(Math.log(0.8) + 0.6 * random.nextGaussian());
        }
        return seconds;
    }

    static ServerHistogram exponential(String stream, long startNanos, Instant at, double[] seconds) {
        return exponential(stream, startNanos, at, seconds, SCALE);
    }

    /** The values as OpenTelemetry buckets them: index ceil(log_base(v)) − 1 with base 2^(2^-scale). */
    static ServerHistogram exponential(String stream, long startNanos, Instant at, double[] seconds, int scale) {
        int[] indexes = Arrays.stream(seconds).mapToInt(v -> (int) Math.ceil(Math.log(v) / Math.log(2) * Math.pow(2, scale)) - 1)
                .toArray();
        int offset = Arrays.stream(indexes).min().orElse(0);
        long[] counts = new long[Arrays.stream(indexes).max().orElse(0) - offset + 1];
        for (int index : indexes) {
            counts[index - offset]++;
        }
        return new ServerHistogram("studio", "photo_upload", stream, true, startNanos, nanos(at), false, null, at, 1000,
                seconds.length, Arrays.stream(seconds).min().orElse(0), Arrays.stream(seconds).max().orElse(0),
                new Exponential(scale, 0, 0, offset, Arrays.stream(counts).boxed().toList()), null);
    }

    private static ServerHistogram withReceived(ServerHistogram point, Instant at) {
        return new ServerHistogram(point.tenant(), point.operation(), point.stream(), point.cumulative(),
                point.startTimeUnixNano(), point.timeUnixNano(), point.error(), point.release(), at, point.unitMs(),
                point.count(), point.min(), point.max(), point.exponential(), point.explicit());
    }

    private static long nanos(Instant at) {
        return at.toEpochMilli() * 1_000_000;
    }

    private static TrendPoint minuteOf(List<TrendPoint> emitted, String operation) {
        List<TrendPoint> minutes = new ArrayList<>(emitted.stream().filter(p -> p.tenant().equals("studio")
                && p.metric().equals(operation) && p.resolution() == Resolution.MINUTE && p.windowStart().equals(MINUTE)).toList());
        assertThat(minutes).as("the minute of " + operation).hasSize(1);
        return minutes.get(0);
    }
}

package com.wedsync.perf.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Rating;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRulesTest {

    private static final Instant AT = SampleEvents.AT;

    @Test
    void shouldRateRumMetricsByTheServersRules() {
        RumMetric poorCls = RumMetric.of("t", "/", Metric.CLS, 0.3, null, null, null, "id-1", null, AT);
        RumMetric longTask = RumMetric.of("t", "/", Metric.LONG_TASK, 230, DeviceClass.DESKTOP, null, null, null, null, AT);

        assertThat(poorCls.rating()).isEqualTo(Rating.POOR);
        assertThat(poorCls.device()).isEqualTo(DeviceClass.UNKNOWN);
        assertThat(longTask.rating()).isNull();
    }

    @Test
    void shouldRefuseImplausibleRumValues() {
        assertThatThrownBy(() -> RumMetric.of("t", "/", Metric.LCP, 11 * 60_000, null, null, null, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LCP");
        assertThatThrownBy(() -> RumMetric.of("t", "/", Metric.CLS, Double.NaN, null, null, null, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectInvalidOperationNamesAndStatuses() {
        assertThatThrownBy(() -> new ServerTiming("t", "Photo Upload!", null, 10, 200, false, null, AT))
                .hasMessageContaining("operation");
        assertThatThrownBy(() -> new ServerTiming("t", "photo_upload", null, 10, 700, false, null, AT))
                .hasMessageContaining("status");
        assertThat(ServerOperations.isValidName("custom.export-pdf")).isTrue();
    }

    @Test
    void shouldCarryTheRequestsASampledTimingStandsForAndNothingForOne() {
        ServerTiming sampled = new ServerTiming("t", "photo_upload", null, 10, 200, false, null, AT, null, null, 4L);
        ServerTiming one = new ServerTiming("t", "photo_upload", null, 10, 200, false, null, AT, null, null, 1L);
        var serde = com.wedsync.perf.model.topic.Topics.SERVER_TIMINGS.valueSerde();
        byte[] sampledJson = serde.serializer().serialize("t", sampled);
        assertThat(new String(sampledJson, java.nio.charset.StandardCharsets.UTF_8)).contains("\"count\":4");
        assertThat(serde.deserializer().deserialize("t", sampledJson).requests()).isEqualTo(4);
        assertThat(new String(serde.serializer().serialize("t", one), java.nio.charset.StandardCharsets.UTF_8))
                .as("one request is the default, not written").doesNotContain("count");
        assertThat(one.requests()).isEqualTo(1);
        assertThat(one.withOperation("other").requests()).isEqualTo(1);
        assertThat(sampled.withOperation("other").requests()).isEqualTo(4);
        assertThatThrownBy(() -> new ServerTiming("t", "photo_upload", null, 10, 200, false, null, AT, null, null, 0L))
                .hasMessageContaining("count");
    }

    @Test
    void shouldRefuseHistogramPointsWhoseBucketsCannotBeDurations() {
        ServerHistogram good = SampleEvents.serverHistogram();
        assertThat(good.count()).isEqualTo(12);
        assertThatThrownBy(() -> new ServerHistogram.Exponential(21, 0, 0, 0, List.of(1L)))
                .hasMessageContaining("scale");
        assertThatThrownBy(() -> new ServerHistogram.Explicit(List.of(0.1, 0.05), List.of(1L, 1L, 1L)))
                .hasMessageContaining("increasing");
        assertThatThrownBy(() -> new ServerHistogram.Explicit(List.of(0.1), List.of(1L)))
                .hasMessageContaining("one count more than bounds");
        assertThatThrownBy(() -> new ServerHistogram.Explicit(List.of(0.1), List.of(1L, -1L)))
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new ServerHistogram(good.tenant(), good.operation(), good.stream(), true,
                good.startTimeUnixNano(), good.timeUnixNano(), false, null, good.receivedAt(), 1000, 13, null, null,
                good.exponential(), null)).hasMessageContaining("the buckets count 12 values, the point says 13");
        assertThatThrownBy(() -> new ServerHistogram(good.tenant(), good.operation(), good.stream(), true,
                good.timeUnixNano() + 1, good.timeUnixNano(), false, null, good.receivedAt(), 1000, 12, null, null,
                good.exponential(), null)).hasMessageContaining("not before startTimeUnixNano");
        assertThatThrownBy(() -> new ServerHistogram(good.tenant(), good.operation(), good.stream(), true,
                good.startTimeUnixNano(), good.timeUnixNano(), false, null, good.receivedAt(), 1000, 12, 5.0, 1.0,
                good.exponential(), null)).hasMessageContaining("min not above max");
        assertThatThrownBy(() -> new ServerHistogram(good.tenant(), good.operation(), good.stream(), true,
                good.startTimeUnixNano(), good.timeUnixNano(), false, null, good.receivedAt(), 1000, 12, null, null,
                null, null)).hasMessageContaining("either exponential or explicit");
    }

    @Test
    void shouldShowTheCeremonyInTheVenuesZoneAndRejectUnknownZones() {
        assertThat(SampleEvents.wedding().localCeremonyTime().getHour()).isEqualTo(15);
        assertThatThrownBy(() -> new WeddingSchedule("w", "t", AT, "Mars/Olympus", 10, 1, null, AT))
                .hasMessageContaining("Mars/Olympus");
    }

    @Test
    void shouldKeepTrendCountsConsistent() {
        TrendPoint point = SampleEvents.trendPoint();
        assertThat(point.goodShare()).isEqualTo(0.75);
        assertThat(point.key().windowStart()).isEqualTo(AT);
        assertThatThrownBy(() -> new TrendPoint("t", Source.RUM, "/", "LCP", "*", Resolution.MINUTE, AT,
                AT.plusSeconds(60), 5, 1, 1, 1, 1, 1, 1, 4, 2, 0, 0, null, 0.01))
                .hasMessageContaining("exceed");
        assertThatThrownBy(() -> new TrendPoint("t", Source.RUM, "/", "LCP", "*", Resolution.MINUTE, AT, AT,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0.01))
                .hasMessageContaining("windowEnd");
    }

    @Test
    void shouldRequireTheKeyedVictimAmongTheVictims() {
        InterferenceFinding finding = SampleEvents.interference();
        assertThat(finding.antagonistVolumeRatio()).isCloseTo(12.68, org.assertj.core.data.Offset.offset(0.01));
        assertThatThrownBy(() -> new InterferenceFinding("f", "someone-else", "venue-giant", AT, AT, 1, 1,
                finding.victims(), 30, AT)).hasMessageContaining("someone-else");
        assertThatThrownBy(() -> new InterferenceFinding("f", "venue-giant", "venue-giant", AT, AT, 1, 1,
                List.of(new VictimEvidence("venue-giant", 1, 1, 0)), 30, AT)).hasMessageContaining("itself");
    }

    @Test
    void shouldRaiseSeverityOneLevelAndStopAtCritical() {
        assertThat(Severity.MEDIUM.raised()).isEqualTo(Severity.HIGH);
        assertThat(Severity.CRITICAL.raised()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldKeepRecommendationsWithinWedSyncsBounds() {
        assertThatThrownBy(() -> new ScalingRecommendation("t", AT, AT, AT.plusSeconds(60), 11, 50, 512, 1, 60, false, "r"))
                .hasMessageContaining("instances");
        assertThatThrownBy(() -> new ScalingRecommendation("t", AT, AT, AT.plusSeconds(60), 4, 50, 2048, 1, 60, false, "r"))
                .hasMessageContaining("cacheMb");
    }

    @Test
    void shouldNotLetAPassedBuildCarryBlockingReasons() {
        assertThatThrownBy(() -> new GateDecision("v", "p", "b", "production", "sha", null, GateStatus.PASSED,
                List.of("LCP too slow"), null, AT)).hasMessageContaining("passed");
        assertThat(GateStatus.BLOCKED.isFinal()).isTrue();
        assertThat(GateStatus.RUNNING.isFinal()).isFalse();
    }
}

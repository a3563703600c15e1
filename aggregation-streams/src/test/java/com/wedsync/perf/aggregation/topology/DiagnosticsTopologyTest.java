package com.wedsync.perf.aggregation.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.aggregation.window.CauseTable;
import com.wedsync.perf.aggregation.window.StateSerdes;
import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.Diagnosis;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The causes of a page's poor experiences, counted per window by the real topology, and soft navigations apart. */
class DiagnosticsTopologyTest {

    private static final Instant HOUR = Instant.parse("2026-06-13T14:00:00Z");
    private final TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), HOUR);
    private List<TrendPoint> emitted;

    @AfterEach
    void close() {
        harness.close();
    }

    /**
     * 1,000 generated attribution beacons over an hour, in random order: 70 % of the 500 poor INP from one selector,
     * the rest from up to 364 others (far more than the table keeps) and the good interactions from up to 78 more; the
     * selector's share comes back as 0.70.
     */
    @Test
    void shouldGiveTheShareOfPoorInteractionsOfTheCauseThatDominates() {
        Random random = new Random(19);
        List<String> beacons = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            beacons.add(i < 350 ? "poor:button#save-rsvp" : "poor:div.panel>a.link-" + (char) ('a' + random.nextInt(26))
                    + (char) ('a' + random.nextInt(14)));
            beacons.add("good:li.row-" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(3)));
        }
        java.util.Collections.shuffle(beacons, random);
        long poor = 500;
        for (int i = 0; i < beacons.size(); i++) {
            boolean isPoor = beacons.get(i).startsWith("poor:");
            String target = beacons.get(i).substring(5);
            double value = isPoor ? 520 + random.nextInt(400) : 40 + random.nextInt(120);
            Attribution attribution = Attribution.kept("INP", target, "pointer",
                    "https://app.wedsync.example/static/js/guests.3f9a1c2b.js", "event-listener", null, null, null, null,
                    Map.of("inputDelay", 10.0, "processingDuration", value - 60, "presentationDelay", 50.0));
            harness.send(RumMetric.of("studio-a", "/weddings/:id/guests", Metric.INP, value, DeviceClass.DESKTOP, "4g",
                    "navigate", "inp-" + i, null, HOUR.plusSeconds(i * 3L), attribution));
        }
        harness.advanceTo(HOUR.plus(Duration.ofMinutes(62)));

        TrendPoint hour = point(Resolution.HOUR, "/weddings/:id/guests", "INP", "DESKTOP");
        Diagnosis diagnosis = hour.diagnosis();
        assertThat(diagnosis.poor()).isEqualTo(poor);
        assertThat(diagnosis.causes()).hasSizeLessThanOrEqualTo(CauseTable.CAPACITY);
        Diagnosis.Cause first = diagnosis.causes().get(0);
        assertThat(first.cause()).isEqualTo("button#save-rsvp");
        assertThat((double) first.poor() / diagnosis.poor()).isCloseTo(0.70, within(0.02));
        assertThat(first.detail()).isEqualTo("https://app.wedsync.example/static/js/guests.*.js (event-listener)");
        assertThat(first.partSums().get("processingDuration")).isGreaterThan(first.partSums().get("inputDelay") * 10);
        assertThat(diagnosis.parts()).containsOnlyKeys("inputDelay", "processingDuration", "presentationDelay");
        assertThat(point(Resolution.HOUR, "/weddings/:id/guests", "INP", TrendKey.ALL).diagnosis().poor())
                .as("the page on all devices keeps causes too").isEqualTo(poor);
        byte[] state = StateSerdes.AGGREGATE.serializer().serialize("t",
                com.wedsync.perf.aggregation.window.SeriesAggregate.of(hour));
        System.out.printf("[DiagnosticsTopologyTest] an hour of 1,000 attributed INP (%d causes kept of 400+): %,d bytes "
                + "of state with its cause table%n", diagnosis.causes().size(), state.length);
        assertThat(state.length).as("bounded: 10 causes, 3 sub-parts").isLessThan(4_096);
        assertThat(point(Resolution.HOUR, TrendKey.ALL, "INP", "DESKTOP").diagnosis())
                .as("selectors belong to a page: roll-ups over routes keep none").isNull();
    }

    /**
     * web-vitals reports an interaction without its target when the page is hidden before the library saw the event's
     * element (a click, then leaving at once): the longest script names the cause instead of nothing.
     */
    @Test
    void shouldNameAnInteractionWithoutATargetByItsScript() {
        for (int i = 0; i < 10; i++) {
            Attribution attribution = Attribution.kept("INP", i < 6 ? null : "button#save-rsvp", "pointer",
                    "https://app.wedsync.example/static/js/rsvp.91ab77c0.js", "event-listener", null, null, null, null,
                    Map.of("inputDelay", 1.0, "processingDuration", 700.0, "presentationDelay", 6.0));
            harness.send(RumMetric.of("studio-a", "/weddings/:id/rsvp", Metric.INP, 707, DeviceClass.DESKTOP, "4g",
                    "navigate", "inp-" + i, null, HOUR.plusSeconds(i), attribution));
        }
        harness.advanceTo(HOUR.plus(Duration.ofMinutes(62)));

        List<Diagnosis.Cause> causes = point(Resolution.HOUR, "/weddings/:id/rsvp", "INP", "DESKTOP").diagnosis().causes();
        assertThat(causes).extracting(Diagnosis.Cause::cause, Diagnosis.Cause::poor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://app.wedsync.example/static/js/rsvp.*.js", 6L),
                org.assertj.core.groups.Tuple.tuple("button#save-rsvp", 4L));
    }

    /** Soft navigations report TTFB 0: they trend as TTFB@soft-navigation and leave the full loads' p75 alone. */
    @Test
    void shouldKeepSoftNavigationsOutOfTheFullLoadsTtfb() {
        for (int i = 0; i < 200; i++) {
            harness.send(RumMetric.of("studio-a", "/timeline", Metric.TTFB, 600 + i, DeviceClass.MOBILE, "4g",
                    i % 2 == 0 ? "navigate" : "reload", "ttfb-" + i, null, HOUR.plusSeconds(i), null));
            harness.send(RumMetric.of("studio-a", "/timeline", Metric.TTFB, 0, DeviceClass.MOBILE, "4g",
                    "soft-navigation", "soft-" + i, null, HOUR.plusSeconds(i), null));
            harness.send(RumMetric.of("studio-a", "/timeline", Metric.TTFB, 1, DeviceClass.MOBILE, "4g",
                    "back-forward-cache", "bf-" + i, null, HOUR.plusSeconds(i), null));
        }
        harness.advanceTo(HOUR.plus(Duration.ofMinutes(62)));

        TrendPoint fullLoads = point(Resolution.HOUR, "/timeline", "TTFB", "MOBILE");
        assertThat(fullLoads.count()).isEqualTo(200);
        assertThat(fullLoads.p75()).isCloseTo(750, within(750 * 0.02));
        TrendPoint soft = point(Resolution.HOUR, "/timeline", "TTFB@soft-navigation", "MOBILE");
        assertThat(soft.count()).isEqualTo(200);
        assertThat(soft.p75()).isZero();
        assertThat(soft.good()).as("rated by TTFB's thresholds").isEqualTo(200);
        assertThat(point(Resolution.HOUR, TrendKey.ALL, "TTFB", TrendKey.ALL).count()).as("roll-ups too").isEqualTo(200);
        assertThat(point(Resolution.HOUR, "/timeline", "TTFB@back-forward-cache", "MOBILE").count()).isEqualTo(200);
    }

    @Test
    void shouldReadOpenWindowsWrittenBeforeCausesWereKept() {
        var aggregate = new com.wedsync.perf.aggregation.window.SeriesAggregate(0.01).add(900, Rating.GOOD, false);
        byte[] withoutCauses = StateSerdes.AGGREGATE.serializer().serialize("t", aggregate);
        assertThat(StateSerdes.AGGREGATE.deserializer().deserialize("t", withoutCauses).causes()).isNull();

        aggregate.diagnose(com.wedsync.perf.aggregation.window.Diagnostic.of("button#a", "x.js", Map.of("inputDelay", 5.0)),
                900, Rating.POOR);
        var read = StateSerdes.AGGREGATE.deserializer().deserialize("t",
                StateSerdes.AGGREGATE.serializer().serialize("t", aggregate));
        assertThat(read.causes().toDiagnosis()).isEqualTo(aggregate.causes().toDiagnosis());
    }

    private TrendPoint point(Resolution resolution, String route, String metric, String device) {
        if (emitted == null) {
            emitted = harness.emitted();
        }
        List<TrendPoint> matching = emitted.stream().filter(p -> p.resolution() == resolution
                && p.route().equals(route) && p.metric().equals(metric) && p.device().equals(device)).toList();
        assertThat(matching).as("%s %s %s %s", resolution, route, metric, device).hasSize(1);
        return matching.get(0);
    }
}

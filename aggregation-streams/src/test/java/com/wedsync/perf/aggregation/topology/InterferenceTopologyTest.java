package com.wedsync.perf.aggregation.topology;

import static com.wedsync.perf.aggregation.topology.TopologyHarness.timing;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.VictimEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One tenant's spike that slows others is named; a spike that only slows the tenant itself is not. */
class InterferenceTopologyTest {

    private static final Instant START = Instant.parse("2026-06-13T13:00:00Z");
    private static final int QUIET_MINUTES = 25;
    private final TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), START);
    private final Random random = new Random(11);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldNameTheTenantWhoseSpikeSlowsTwoOthers() {
        quietMinutes();
        Instant spike = START.plus(Duration.ofMinutes(QUIET_MINUTES));
        for (int second = 0; second < 60; second++) {
            Instant at = spike.plusSeconds(second);
            for (int i = 0; i < 10; i++) {
                harness.send(timing("studio-a", "photo_upload", latency(300), false, at));
            }
            harness.send(timing("studio-b", "guest_list_access", latency(420), false, at));
            harness.send(timing("studio-c", "timeline_sync", latency(380), false, at));
        }
        harness.idle(Duration.ofMinutes(3));

        List<InterferenceFinding> findings = harness.findings();
        assertThat(findings).extracting(InterferenceFinding::victimTenant).containsExactlyInAnyOrder("studio-b", "studio-c");
        InterferenceFinding finding = findings.get(0);
        assertThat(finding.antagonistTenant()).isEqualTo("studio-a");
        assertThat(finding.windowStart()).isEqualTo(spike);
        assertThat(finding.antagonistRequests()).isEqualTo(600);
        assertThat(finding.antagonistVolumeRatio()).isBetween(9.0, 11.0);
        assertThat(finding.victims()).extracting(VictimEvidence::tenant).containsExactly("studio-b", "studio-c");
        assertThat(finding.victims()).allSatisfy(victim -> {
            assertThat(victim.correlation()).isGreaterThan(0.9);
            assertThat(victim.p95Ratio()).isGreaterThan(3);
        });
    }

    @Test
    void shouldNotBlameATenantWhoseSpikeOnlySlowsItself() {
        quietMinutes();
        Instant spike = START.plus(Duration.ofMinutes(QUIET_MINUTES));
        for (int second = 0; second < 60; second++) {
            Instant at = spike.plusSeconds(second);
            for (int i = 0; i < 10; i++) {
                harness.send(timing("studio-a", "photo_upload", latency(900), false, at));
            }
            harness.send(timing("studio-b", "guest_list_access", latency(100), false, at));
            harness.send(timing("studio-c", "timeline_sync", latency(100), false, at));
        }
        harness.idle(Duration.ofMinutes(3));

        assertThat(harness.findings()).isEmpty();
    }

    /** Every tenant at one request a second, around 100 ms. */
    private void quietMinutes() {
        for (int second = 0; second < QUIET_MINUTES * 60; second++) {
            Instant at = START.plusSeconds(second);
            harness.send(timing("studio-a", "photo_upload", latency(100), false, at));
            harness.send(timing("studio-b", "guest_list_access", latency(100), false, at));
            harness.send(timing("studio-c", "timeline_sync", latency(100), false, at));
        }
        assertThat(harness.findings()).as("no findings while everything is quiet").isEmpty();
    }

    private double latency(double median) {
        return median * Math.exp(0.1 * random.nextGaussian());
    }
}

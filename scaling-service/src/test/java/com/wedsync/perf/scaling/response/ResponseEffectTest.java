package com.wedsync.perf.scaling.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.slo.OperationObjectives;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A response's verdict from the affected operation's minutes: helped, no effect, worse, or too few minutes to say. */
class ResponseEffectTest {

    private static final Instant AT = Instant.parse("2026-06-13T14:02:00Z");

    @Test
    void shouldSayAnEmergencyHelpedWhenTheMinutesAfterAreSignificantlyFaster() {
        ResponseEffect effect = effect(minutes(180, 10, 0.30), minutes(70, 10, 0.99));

        assertThat(effect.verdict()).isEqualTo("helped");
        assertThat(effect.pValue()).isLessThan(ResponseEffect.ALPHA);
        assertThat(effect.before().p95()).isBetween(162.0, 198.0);
        assertThat(effect.after().p95()).isBetween(63.0, 77.0);
        assertThat(effect.before().burnRate()).as("70% not good against 5% allowed").isEqualTo(14.0);
        assertThat(effect.after().burnRate()).isEqualTo(0.2);
        assertThat(effect.summary()).startsWith("emergency at 14:02 UTC — timeline_sync p95 ").contains("burn 14× → 0.2×")
                .contains("helped");
    }

    @Test
    void shouldSayNoEffectWithinNoiseAndWorseWhenSlowerAndUnmeasuredWithTooFewMinutes() {
        assertThat(effect(minutes(100, 10, 0.9), minutes(100, 10, 0.9)).verdict()).isEqualTo("no effect");
        assertThat(effect(minutes(70, 10, 0.99), minutes(180, 10, 0.3)).verdict()).isEqualTo("worse");
        ResponseEffect few = effect(minutes(180, 3, 0.3), minutes(70, 10, 0.99));
        assertThat(few.verdict()).isEqualTo("unmeasured");
        assertThat(few.pValue()).isNull();
        assertThat(few.summary()).contains("3 minutes before");
    }

    private static ResponseEffect effect(List<OperationMinutes.Minute> before, List<OperationMinutes.Minute> after) {
        return ResponseEffect.of("emergency", "timeline_sync", OperationObjectives.of("timeline_sync"), AT, before, after);
    }

    /** Minutes whose p95 scatters ±10% around {@code p95}, each with 100 requests of which {@code goodShare} good. */
    private static List<OperationMinutes.Minute> minutes(double p95, int count, double goodShare) {
        Random random = new Random((long) (p95 * 31 + count));
        List<OperationMinutes.Minute> minutes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            minutes.add(new OperationMinutes.Minute(AT.plusSeconds(60L * i), 100, Math.round(100 * goodShare),
                    p95 * (0.9 + 0.2 * random.nextDouble())));
        }
        return minutes;
    }
}

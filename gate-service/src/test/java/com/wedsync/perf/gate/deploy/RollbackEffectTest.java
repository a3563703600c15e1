package com.wedsync.perf.gate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A rollback recommendation's verdict from the regressed metrics' minutes before and after. */
class RollbackEffectTest {

    private static final Instant DECIDED = Instant.parse("2026-06-13T14:17:00Z");
    private static final Instant ROLLED_BACK = Instant.parse("2026-06-13T14:25:00Z");

    @Test
    void shouldSayTheRollbackHelpedWhenTheRegressedMetricRecoveredAndCorrectForEveryMetricAsked() {
        RollbackEffect.Minutes lcp = new RollbackEffect.Minutes("studio", "LCP", minutes(2600, 10), minutes(2000, 10));
        RollbackEffect.Minutes inp = new RollbackEffect.Minutes("studio", "INP", minutes(300, 10), minutes(300, 10));

        RollbackEffect effect = RollbackEffect.of("v2.14.0", DECIDED, "v2.13.0", ROLLED_BACK, ROLLED_BACK.plusSeconds(60),
                List.of(lcp, inp), 5);

        assertThat(effect.verdict()).isEqualTo("helped");
        assertThat(effect.metrics()).extracting(RollbackEffect.MetricEffect::verdict).containsExactly("helped", "no effect");
        double raw = com.wedsync.perf.model.stats.Shift.of(lcp.before(), lcp.after()).pValue();
        double rawInp = com.wedsync.perf.model.stats.Shift.of(inp.before(), inp.after()).pValue();
        assertThat(effect.metrics().get(0).pValue()).as("Holm over two metrics: the smaller p doubled")
                .isCloseTo(Math.min(1, 2 * Math.min(raw, rawInp)), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(effect.summary()).startsWith("rollback of v2.14.0 recommended — rolled back to v2.13.0 at 14:25 UTC — helped: LCP p75 for studio");
    }

    @Test
    void shouldSayWhenNoDeploymentFollowedAndWhenTooFewMinutesWereSeen() {
        RollbackEffect ignored = RollbackEffect.of("v2.14.0", DECIDED, null, null, DECIDED.plusSeconds(60),
                List.of(new RollbackEffect.Minutes("studio", "LCP", minutes(2600, 10), minutes(2600, 10))), 5);
        assertThat(ignored.verdict()).isEqualTo("no effect");
        assertThat(ignored.summary()).contains("no deployment followed; measured from the recommendation at 14:17 UTC");

        RollbackEffect thin = RollbackEffect.of("v2.14.0", DECIDED, "v2.13.0", ROLLED_BACK, ROLLED_BACK.plusSeconds(60),
                List.of(new RollbackEffect.Minutes("studio", "LCP", minutes(2600, 10), minutes(2000, 3))), 5);
        assertThat(thin.verdict()).isEqualTo("unmeasured");
        assertThat(thin.metrics().get(0).pValue()).isNull();
        assertThat(thin.summary()).contains("no regressed metric had 5 minutes on both sides");
    }

    @Test
    void shouldSayWorseWhenTheRegressedMetricGotSlowerStill() {
        RollbackEffect effect = RollbackEffect.of("v2.14.0", DECIDED, "v2.13.0", ROLLED_BACK, ROLLED_BACK.plusSeconds(60),
                List.of(new RollbackEffect.Minutes("studio", "LCP", minutes(2600, 10), minutes(3400, 10))), 5);
        assertThat(effect.verdict()).isEqualTo("worse");
    }

    /** {@code count} minutes' p75 scattered ±5% around {@code ms}. */
    private static double[] minutes(double ms, int count) {
        Random random = new Random((long) ms * 31 + count);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = ms * (0.95 + 0.1 * random.nextDouble());
        }
        return values;
    }
}

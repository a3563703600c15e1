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

    @Test
    void shouldJudgeAScaleUpByEachOperationWithTheirPValuesCorrectedTogether() {
        String response = "scale-up 2 → 4 instances";
        ResponseEffect sync = ResponseEffect.of(response, "timeline_sync", OperationObjectives.of("timeline_sync"), AT,
                minutes(180, 10, 0.3), minutes(70, 10, 0.99));
        ResponseEffect upload = ResponseEffect.of(response, "photo_upload", OperationObjectives.of("photo_upload"), AT,
                minutes(3000, 10, 0.99), minutes(3000, 10, 0.99));
        ResponseEffect guests = ResponseEffect.of(response, "guest_list_access", OperationObjectives.of("guest_list_access"),
                AT, minutes(400, 2, 0.99), minutes(400, 10, 0.99));

        ScaleUpEffect effect = ScaleUpEffect.of(response, AT, List.of(sync, upload, guests));

        assertThat(effect.verdict()).isEqualTo("helped");
        assertThat(effect.operations()).extracting(ResponseEffect::operation)
                .containsExactly("timeline_sync", "photo_upload", "guest_list_access");
        ResponseEffect judgedSync = effect.operations().get(0);
        assertThat(judgedSync.pValue()).as("Holm over the two measured operations")
                .isEqualTo(Math.min(1, 2 * sync.pValue()), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(judgedSync.verdict()).isEqualTo("helped");
        assertThat(effect.operations().get(1).verdict()).isEqualTo("no effect");
        assertThat(effect.operations().get(2).verdict()).isEqualTo("unmeasured");
        assertThat(effect.summary()).startsWith("scale-up 2 → 4 instances at 14:02 UTC — helped: timeline_sync p95 ")
                .contains("at 100 → 100 requests/min (helped)").contains("photo_upload").doesNotContain("guest_list_access");
    }

    @Test
    void shouldCallAScaleUpWorseWhenAnyOperationGotSlowerAndUnmeasuredWhenNoneHadEnoughMinutes() {
        String response = "scale-up 2 → 4 instances";
        ResponseEffect sync = ResponseEffect.of(response, "timeline_sync", OperationObjectives.of("timeline_sync"), AT,
                minutes(180, 10, 0.3), minutes(70, 10, 0.99));
        ResponseEffect upload = ResponseEffect.of(response, "photo_upload", OperationObjectives.of("photo_upload"), AT,
                minutes(2000, 10, 0.99), minutes(6000, 10, 0.5));
        assertThat(ScaleUpEffect.of(response, AT, List.of(sync, upload)).verdict()).isEqualTo("worse");

        ResponseEffect thin = ResponseEffect.of(response, "timeline_sync", OperationObjectives.of("timeline_sync"), AT,
                minutes(180, 3, 0.3), minutes(70, 10, 0.99));
        ScaleUpEffect unmeasured = ScaleUpEffect.of(response, AT, List.of(thin));
        assertThat(unmeasured.verdict()).isEqualTo("unmeasured");
        assertThat(unmeasured.summary()).contains("no operation had enough minutes");
        assertThat(ScaleUpEffect.of(response, AT, List.of()).verdict()).isEqualTo("unmeasured");
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

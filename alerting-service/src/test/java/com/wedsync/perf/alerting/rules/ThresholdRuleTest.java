package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.slo.OperationObjectives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.Tier;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.service.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The thresholds of REQUIREMENTS.md, the premium ladder, wedding days and tenant overrides. */
class ThresholdRuleTest {

    private static final Instant MINUTE = Instant.parse("2026-06-13T14:00:00Z");
    private static final EffectiveRules STANDARD = rules(Tier.STANDARD, RuleOverrides.NONE);

    @Test
    void shouldRateLcpP75AgainstWarningAndCritical() {
        assertThat(ThresholdRule.evaluate(lcp(1900, 100), STANDARD, false).isClear()).isTrue();
        Verdict warning = ThresholdRule.evaluate(lcp(2400, 100), STANDARD, false);
        assertThat(warning.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(warning.threshold()).isEqualTo(2000);
        assertThat(ThresholdRule.evaluate(lcp(3100, 100), STANDARD, false).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldNotJudgeAWindowWithTooFewSamples() {
        assertThat(ThresholdRule.evaluate(lcp(9000, 19), STANDARD, false).outcome()).isEqualTo(Verdict.Outcome.NO_DATA);
    }

    @Test
    void shouldClimbTheServerLadderByLatencyOrErrors() {
        assertThat(ThresholdRule.evaluate(server(1500, 0), STANDARD, false).isClear()).isTrue();
        assertThat(ThresholdRule.evaluate(server(2500, 0), STANDARD, false).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(ThresholdRule.evaluate(server(3500, 0), STANDARD, false).severity()).isEqualTo(Severity.HIGH);
        assertThat(ThresholdRule.evaluate(server(5500, 0), STANDARD, false).severity()).isEqualTo(Severity.CRITICAL);
        Verdict errors = ThresholdRule.evaluate(server(100, 6), STANDARD, false);
        assertThat(errors.severity()).as("6% errors").isEqualTo(Severity.HIGH);
        assertThat(errors.measure()).isEqualTo("error rate");
    }

    @Test
    void shouldHoldPremiumTenantsToTheirStricterSla() {
        EffectiveRules premium = rules(Tier.PREMIUM, RuleOverrides.NONE);
        assertThat(ThresholdRule.evaluate(server(1200, 0), premium, false).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(ThresholdRule.evaluate(server(1200, 0), STANDARD, false).isClear()).isTrue();
    }

    @Test
    void shouldHoldEachOperationToItsOwnWeddingDayObjectiveAndMakeAMissCritical() {
        Verdict slow = ThresholdRule.evaluate(server("guest_list", 700, 0), STANDARD, true);
        assertThat(slow.severity()).as("an operation of the tenant's own is a response: p95 840 ms over 500 ms")
                .isEqualTo(Severity.CRITICAL);
        assertThat(slow.threshold()).isEqualTo(OperationObjectives.RESPONSE_MS);
        assertThat(slow.measure()).isEqualTo("p95");
        Verdict failing = ThresholdRule.evaluate(server("guest_list", 100, 0.5), STANDARD, true);
        assertThat(failing.isBreached()).as("0.5% errors is over 0.1% on a wedding day").isTrue();
        assertThat(ThresholdRule.evaluate(server("guest_list", 300, 0), STANDARD, true).isClear()).isTrue();

        assertThat(ThresholdRule.evaluate(server("photo_upload", 3000, 0), STANDARD, true).isClear())
                .as("a 3 s photo upload (p95 3.6 s) is well inside its 5 s").isTrue();
        assertThat(ThresholdRule.evaluate(server("photo_upload", 4500, 0), STANDARD, true).severity())
                .as("p95 5.4 s is not").isEqualTo(Severity.CRITICAL);
        Verdict sync = ThresholdRule.evaluate(server("timeline_sync", 125, 0), STANDARD, true);
        assertThat(sync.severity()).as("timeline sync p95 150 ms, 50% over its 100 ms").isEqualTo(Severity.CRITICAL);
        assertThat(sync.threshold()).isEqualTo(100);
        assertThat(ThresholdRule.evaluate(server("guest_list_access", 1170, 0), STANDARD, true).threshold())
                .as("the guest list: p95 1.4 s over 1 s").isEqualTo(1000);
        assertThat(ThresholdRule.evaluate(server("timeline_sync", 125, 0), STANDARD, false).isClear())
                .as("on an ordinary day the ladder judges").isTrue();
    }

    @Test
    void shouldStretchTheLadderForAnOperationWhoseObjectiveIsAboveItsFirstStep() {
        assertThat(ThresholdRule.evaluate(server("photo_upload", 3000, 0), STANDARD, false).isClear())
                .as("photo uploads warn from 5 s (2.5 × the 2 s step), not 2 s").isTrue();
        Verdict slowUpload = ThresholdRule.evaluate(server("photo_upload", 8000, 0), STANDARD, false);
        assertThat(slowUpload.severity()).as("8 s is over 2.5 × 3 s").isEqualTo(Severity.HIGH);
        assertThat(slowUpload.threshold()).isEqualTo(7500);
        assertThat(ThresholdRule.evaluate(server("api_request", 3000, 0), STANDARD, false).severity())
                .as("a response's ladder is the tenant's").isEqualTo(Severity.MEDIUM);
        assertThat(ThresholdRule.evaluate(server("photo_upload", 100, 6), STANDARD, false).severity())
                .as("errors are errors, whatever the operation").isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldUseATenantsOwnThresholdsAndTiming() {
        EffectiveRules own = rules(Tier.STANDARD, new RuleOverrides(120, null, 5, null,
                Map.of("LCP", new BrowserThreshold("p95", 4000, 6000)), null));
        assertThat(own.forDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ThresholdRule.evaluate(lcp(3000, 10), own, false).isClear()).as("p95 = 3600 < 4000").isTrue();
        assertThat(ThresholdRule.evaluate(lcp(3500, 10), own, false).severity()).as("p95 = 4200").isEqualTo(Severity.MEDIUM);
        assertThat(own.browser().get("CLS").warning()).as("metrics not overridden keep their defaults").isEqualTo(0.08);
    }

    @Test
    void shouldLetATenantTightenAWeddingDayObjectiveButNeverLoosenIt() {
        EffectiveRules strict = rules(Tier.PREMIUM, new RuleOverrides(null, null, null, null, null, null,
                Map.of("timeline_sync", 80.0, "seating_plan", 300.0)));
        Verdict sync = ThresholdRule.evaluate(server("timeline_sync", 75, 0), strict, true);
        assertThat(sync.severity()).as("p95 90 ms over the tenant's own 80 ms").isEqualTo(Severity.CRITICAL);
        assertThat(sync.threshold()).isEqualTo(80);
        assertThat(ThresholdRule.evaluate(server("seating_plan", 300, 0), strict, true).threshold())
                .as("an operation of its own, tightened from 500 ms").isEqualTo(300);
        assertThat(strict.weddingDayObjectives()).extracting(o -> o.operation() + " " + o.latencyMs()).contains(
                "timeline_sync 80.0", "photo_upload 5000.0", "seating_plan 300.0");
        assertThatThrownBy(() -> new RuleOverrides(null, null, null, null, null, null, Map.of("photo_upload", 8000.0)))
                .as("never looser than WedSync's guarantee").isInstanceOf(ApiException.class).hasMessageContaining("5000.0 ms");
        assertThatThrownBy(() -> new RuleOverrides(null, null, null, null, null, null, Map.of("Bad Name", 10.0)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void shouldGiveEachOperationAnOrdinaryDayObjectiveThatPremiumTightensAndNoOrdinaryDayExceedsTheWeddingDay() {
        EffectiveRules premium = rules(Tier.PREMIUM, RuleOverrides.NONE);
        assertThat(STANDARD.ordinaryDayObjectives()).extracting(o -> o.operation() + " " + o.percentile() + " "
                + o.latencyMs() + " " + o.errorRate()).containsExactly("api_request p75 2000.0 0.02",
                "guest_list_access p75 2000.0 0.02", "photo_upload p75 5000.0 0.02", "timeline_sync p75 2000.0 0.02",
                "vendor_notification p75 2000.0 0.02");
        assertThat(premium.ordinaryDayObjective("timeline_sync").latencyMs()).as("the premium SLA ladder").isEqualTo(1000);
        assertThat(premium.ordinaryDayObjective("timeline_sync").errorRate()).isEqualTo(0.01);
        assertThat(premium.ordinaryDayObjective("photo_upload").latencyMs()).as("never below its wedding-day 5 s")
                .isEqualTo(5000);
        Verdict justOver = ThresholdRule.evaluate(server("timeline_sync", 1100, 0), premium, false);
        assertThat(justOver.severity()).as("p75 1100 ms over premium's ordinary-day 1000 ms").isEqualTo(Severity.MEDIUM);
        assertThat(justOver.threshold()).isEqualTo(1000);
        assertThat(ThresholdRule.evaluate(server("timeline_sync", 1100, 0), STANDARD, false).isClear())
                .as("inside the standard ordinary day's 2 s").isTrue();
    }

    @Test
    void shouldRefuseNonsenseOverrides() {
        assertThatThrownBy(() -> new BrowserThreshold("p75", 3000, 2000)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new RuleOverrides(10, null, null, null, null, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new RuleOverrides(null, null, null, null, Map.of("XYZ", new BrowserThreshold("p75", 1, 2)),
                null)).isInstanceOf(ApiException.class);
    }

    private static EffectiveRules rules(Tier tier, RuleOverrides overrides) {
        return EffectiveRules.of(tier, Duration.ofMinutes(5), Duration.ofMinutes(5), 20, overrides);
    }

    private static TrendPoint lcp(double p75, long count) {
        return new TrendPoint("t", Source.RUM, "/guests", "LCP", TrendKey.ALL, Resolution.MINUTE, MINUTE,
                MINUTE.plusSeconds(60), count, p75 * 0.8, p75, p75 * 1.2, p75 * 1.5, 1, p75 * 2, 0, 0, 0, 0, "", 0.01);
    }

    private static TrendPoint server(double p75, double errorPercent) {
        return server("guest_list", p75, errorPercent);
    }

    private static TrendPoint server(String operation, double p75, double errorPercent) {
        long errors = Math.round(errorPercent * 10);
        return new TrendPoint("t", Source.SERVER, TrendKey.ALL, operation, TrendKey.ALL, Resolution.MINUTE, MINUTE,
                MINUTE.plusSeconds(60), 1000, p75 * 0.8, p75, p75 * 1.2, p75 * 1.5, 1, p75 * 2, 0, 0, 0, errors, "", 0.01);
    }
}

package com.wedsync.perf.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.event.Severity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multi-window, multi-burn-rate alerting on a 99.5% objective (budget 0.5%). */
class BurnRateRuleTest {

    private static final double OBJECTIVE = 0.995;

    @Test
    void shouldPageWhenBothTheHourAndTheLastFiveMinutesBurnFasterThanFourteenPointFour() {
        Map<Duration, BurnRateRule.Window> windows = steady(0.001);
        windows.put(Duration.ofHours(1), new BurnRateRule.Window(800, 10_000));
        windows.put(Duration.ofMinutes(5), new BurnRateRule.Window(100, 1_000));
        Verdict verdict = BurnRateRule.evaluate(windows, OBJECTIVE, 100);
        assertThat(verdict.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(verdict.actual()).as("min of 16× and 20×").isEqualTo(16.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldNotPageForASpikeTheLongWindowDoesNotConfirm() {
        Map<Duration, BurnRateRule.Window> windows = steady(0.001);
        windows.put(Duration.ofMinutes(5), new BurnRateRule.Window(500, 1_000));
        assertThat(BurnRateRule.evaluate(windows, OBJECTIVE, 100).isClear()).isTrue();
    }

    @Test
    void shouldNotPageOnceTheShortWindowHasRecovered() {
        Map<Duration, BurnRateRule.Window> windows = steady(0.001);
        windows.put(Duration.ofHours(1), new BurnRateRule.Window(800, 10_000));
        assertThat(BurnRateRule.evaluate(windows, OBJECTIVE, 100).isClear()).isTrue();
    }

    @Test
    void shouldOpenATicketForASlowBurnOverDays() {
        Map<Duration, BurnRateRule.Window> windows = steady(0.0075);
        Verdict verdict = BurnRateRule.evaluate(windows, OBJECTIVE, 100);
        assertThat(verdict.severity()).as("1.5× over 3 d and 6 h").isEqualTo(Severity.MEDIUM);
        assertThat(verdict.measure()).contains("3d").contains("6h");
    }

    @Test
    void shouldNotJudgeTooFewRequests() {
        Map<Duration, BurnRateRule.Window> windows = new HashMap<>();
        BurnRateRule.WINDOWS.forEach(w -> windows.put(w, new BurnRateRule.Window(5, 10)));
        assertThat(BurnRateRule.evaluate(windows, OBJECTIVE, 100).outcome()).isEqualTo(Verdict.Outcome.NO_DATA);
    }

    /** Every window at the same error ratio, 1,000 requests a minute. */
    private static Map<Duration, BurnRateRule.Window> steady(double errorRatio) {
        Map<Duration, BurnRateRule.Window> windows = new HashMap<>();
        for (Duration window : BurnRateRule.WINDOWS) {
            long total = window.toMinutes() * 1000;
            windows.put(window, new BurnRateRule.Window(Math.round(total * errorRatio), total));
        }
        return windows;
    }
}

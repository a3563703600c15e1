package com.wedsync.perf.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.perf.model.sketch.QuantileSketch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hour against the merged sketches of the same hour on the previous days, with a 10% tolerance. */
class RegressionRuleTest {

    @Test
    void shouldFlagAnHourMoreThanTenPercentWorseThanItsBaseline() {
        List<QuantileSketch> week = sevenDays(1000, 200);
        Verdict worse = RegressionRule.evaluate(hour(1150, 200), week, 0.10, 100);
        assertThat(worse.isBreached()).isTrue();
        assertThat(worse.threshold()).as("baseline p75 1000 + 10%").isCloseTo(1100, within(1100 * 0.02));
        assertThat(worse.actual()).isCloseTo(1150, within(1150 * 0.02));
        assertThat(RegressionRule.evaluate(hour(1080, 200), week, 0.10, 100).isClear()).as("8% worse is within tolerance").isTrue();
    }

    @Test
    void shouldMergeSketchesRatherThanAverageTheDailyPercentiles() {
        List<QuantileSketch> week = new ArrayList<>(sevenDays(1000, 100).subList(0, 6));
        week.add(hour(2000, 10_000));
        Verdict verdict = RegressionRule.evaluate(hour(1500, 500), week, 0.10, 100);
        assertThat(verdict.threshold()).as("the busy Saturday dominates the merged p75 (~2000), not the mean of p75s (~1140)")
                .isGreaterThan(2000);
        assertThat(verdict.isClear()).isTrue();
    }

    @Test
    void shouldNotJudgeWithoutEnoughSamplesOnBothSides() {
        assertThat(RegressionRule.evaluate(hour(5000, 50), sevenDays(1000, 200), 0.10, 100).outcome())
                .isEqualTo(Verdict.Outcome.NO_DATA);
        assertThat(RegressionRule.evaluate(hour(5000, 500), sevenDays(1000, 10), 0.10, 100).outcome())
                .as("70 baseline samples").isEqualTo(Verdict.Outcome.NO_DATA);
        assertThat(RegressionRule.evaluate(hour(5000, 500), List.of(), 0.10, 100).outcome()).isEqualTo(Verdict.Outcome.NO_DATA);
    }

    /** {@code count} values spread evenly around {@code p75}, so that their 75th percentile is about {@code p75}. */
    static QuantileSketch hour(double p75, int count) {
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < count; i++) {
            sketch.add(p75 * (0.5 + (i + 0.5) / count * 2 / 3));
        }
        return sketch;
    }

    private static List<QuantileSketch> sevenDays(double p75, int count) {
        List<QuantileSketch> days = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            days.add(hour(p75, count));
        }
        return days;
    }
}

package com.wedsync.perf.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rank test the gate uses to tell a regression from run-to-run noise. */
class MannWhitneyTest {

    @Test
    void shouldGiveTheExactTailOfCompletelySeparatedSamples() {
        RankTest three = MannWhitney.candidateLarger(new double[]{11, 12, 13}, new double[]{1, 2, 3});
        assertThat(three.method()).isEqualTo("exact");
        assertThat(three.u()).isEqualTo(9);
        assertThat(three.pValue()).as("1 of the 20 orderings").isCloseTo(0.05, within(1e-12));
        assertThat(three.smallestPossiblePValue()).isCloseTo(0.05, within(1e-12));
        RankTest five = MannWhitney.candidateLarger(new double[]{11, 12, 13, 14, 15}, new double[]{1, 2, 3, 4, 5});
        assertThat(five.pValue()).as("1 of 252").isCloseTo(1.0 / 252, within(1e-12));
    }

    @Test
    void shouldMatchTheTabulatedDistribution() {
        // n1 = n2 = 4: P(U >= 13) = 0.1 (7 of 70 orderings have U >= 13; standard Mann-Whitney tables)
        assertThat(MannWhitney.exactUpperTail(4, 4, 13)).isCloseTo(7.0 / 70, within(1e-12));
        assertThat(MannWhitney.exactUpperTail(4, 4, 0)).isEqualTo(1.0);
    }

    @Test
    void shouldNotCallTenPercentSlowerSignificantWhenTheRunsOverlap() {
        double[] baseline = {2100, 2600, 1900, 2450, 2250};
        double[] candidate = {2350, 2700, 2050, 2500, 2400};
        RankTest test = MannWhitney.candidateLarger(candidate, baseline);
        assertThat(test.isSignificant(0.05)).as("p = %s", test.pValue()).isFalse();
    }

    @Test
    void shouldCallAConsistentTenPercentSlowdownSignificant() {
        double[] baseline = {2000, 2020, 1990, 2010, 2005};
        double[] candidate = {2200, 2210, 2190, 2230, 2205};
        assertThat(MannWhitney.candidateLarger(candidate, baseline).isSignificant(0.05)).isTrue();
    }

    @Test
    void shouldUseTheNormalApproximationWithTiesAndAgreeWithSimulation() {
        Random random = new Random(7);
        double[] baseline = new double[30];
        double[] candidate = new double[30];
        for (int i = 0; i < 30; i++) {
            baseline[i] = Math.round(100 + random.nextGaussian() * 10);
            candidate[i] = Math.round(106 + random.nextGaussian() * 10);
        }
        RankTest test = MannWhitney.candidateLarger(candidate, baseline);
        assertThat(test.method()).startsWith("normal");
        assertThat(test.pValue()).isBetween(0.0, 0.2);
        RankTest same = MannWhitney.candidateLarger(baseline, baseline.clone());
        assertThat(same.pValue()).as("identical samples").isGreaterThan(0.4);
    }
}

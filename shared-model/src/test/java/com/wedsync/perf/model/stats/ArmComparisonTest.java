package com.wedsync.perf.model.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wedsync.perf.model.sketch.QuantileSketch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class ArmComparisonTest {

    private static final ArmComparison.Settings SETTINGS = ArmComparison.Settings.DEFAULT;
    private static final int COMPARISONS = 200;

    @Test
    void identicalArmsAreCalledWorseAtMostFivePercentOfTheTime() {
        Random random = new Random(21);
        int worse = 0;
        int differ = 0;
        for (int i = 0; i < COMPARISONS; i++) {
            Verdict verdict = oneCell(lcp(random, 1.0), lcp(random, 1.0), 500);
            worse += verdict == Verdict.WORSE ? 1 : 0;
            differ += verdict == Verdict.WORSE || verdict == Verdict.BETTER ? 1 : 0;
        }
        double rate = (double) worse / COMPARISONS;
        System.out.printf(Locale.ROOT, "[compare] A/A, %d comparisons of 500 vs 500 LCP values: false worse %.1f %%, "
                + "any false difference %.1f %%%n", COMPARISONS, rate * 100, 100.0 * differ / COMPARISONS);
        assertTrue(rate <= 0.05, "false worse rate " + rate);
    }

    @Test
    void heavyTailedIdenticalArmsStayWithinTarget() {
        Random random = new Random(22);
        int worse = 0;
        for (int i = 0; i < COMPARISONS; i++) {
            worse += oneCell(heavyTail(random), heavyTail(random), 300) == Verdict.WORSE ? 1 : 0;
        }
        double rate = (double) worse / COMPARISONS;
        System.out.printf(Locale.ROOT, "[compare] A/A heavy-tailed (lognormal σ=1.2 plus 5 %% stalls of 5-30 s), %d "
                + "comparisons of 300 vs 300: false worse %.1f %%%n", COMPARISONS, rate * 100);
        assertTrue(rate <= 0.05, "false worse rate " + rate);
    }

    @Test
    void manyRoutesAreCorrectedSoThatAnExperimentRarelyShowsAFalseWorseRoute() {
        Random random = new Random(23);
        int experimentsWithAWorseRoute = 0;
        int uncorrected = 0;
        for (int i = 0; i < COMPARISONS; i++) {
            List<ArmComparison.Cell<Integer>> cells = new ArrayList<>();
            for (int route = 0; route < 10; route++) {
                cells.add(new ArmComparison.Cell<>(route, sketch(lcp(random, 1.0), 300), sketch(lcp(random, 1.0), 300)));
            }
            List<ArmComparison.Result<Integer>> results = ArmComparison.compare(cells, SETTINGS);
            experimentsWithAWorseRoute += results.stream().anyMatch(r -> r.verdict() == Verdict.WORSE) ? 1 : 0;
            uncorrected += results.stream().anyMatch(r -> r.pValue() <= SETTINGS.alpha() && r.difference() > 0
                    && r.relative() >= SETTINGS.minEffect()) ? 1 : 0;
        }
        double rate = (double) experimentsWithAWorseRoute / COMPARISONS;
        System.out.printf(Locale.ROOT, "[compare] A/A over 10 routes, %d experiments: some route falsely worse in "
                + "%.1f %% (Holm), %.1f %% uncorrected%n", COMPARISONS, rate * 100, 100.0 * uncorrected / COMPARISONS);
        assertTrue(rate <= 0.05, "family-wise false worse rate " + rate);
        assertTrue(uncorrected > experimentsWithAWorseRoute, "the correction changes nothing: " + uncorrected);
    }

    @Test
    void aFifteenPercentSlowerArmIsDetectedAtRealisticSampleSizes() {
        double detectedAt500 = 0;
        for (int perArm : new int[] {200, 500, 1000}) {
            Random random = new Random(24 + perArm);
            int worse = 0;
            int better = 0;
            for (int i = 0; i < COMPARISONS; i++) {
                Verdict verdict = oneCell(lcp(random, 1.0), lcp(random, 1.15), perArm);
                worse += verdict == Verdict.WORSE ? 1 : 0;
                better += verdict == Verdict.BETTER ? 1 : 0;
            }
            double rate = (double) worse / COMPARISONS;
            System.out.printf(Locale.ROOT, "[compare] A/B, LCP median +15 %%, %d comparisons of %d vs %d: detected "
                    + "worse %.1f %%, called better %d%n", COMPARISONS, perArm, perArm, rate * 100, better);
            assertEquals(0, better);
            if (perArm == 500) {
                detectedAt500 = rate;
            }
        }
        assertTrue(detectedAt500 >= 0.8, "detection at 500 per arm " + detectedAt500);
    }

    @Test
    void aFasterArmIsBetterAndASmallSignificantDifferenceIsNot() {
        Random random = new Random(25);
        assertEquals(Verdict.BETTER, oneCell(lcp(random, 1.0), lcp(random, 0.8), 2000));
        // 4 % slower, 100,000 values each: significant, but below the smallest effect worth acting on (5 %)
        QuantileSketch a = sketch(lcp(random, 1.0), 100_000);
        QuantileSketch b = sketch(lcp(random, 1.04), 100_000);
        ArmComparison.Result<String> result = ArmComparison.compare(List.of(new ArmComparison.Cell<>("x", a, b)), SETTINGS).get(0);
        assertTrue(result.adjustedP() < 0.05 && result.relative() < 0.05, "p " + result.adjustedP() + ", " + result.relative());
        assertEquals(Verdict.NO_DIFFERENCE, result.verdict());
    }

    @Test
    void tooFewValuesIsNotEnoughDataAndIsLeftOutOfTheCorrection() {
        Random random = new Random(26);
        List<ArmComparison.Result<String>> results = ArmComparison.compare(List.of(
                new ArmComparison.Cell<>("thin", sketch(lcp(random, 1.0), 99), sketch(lcp(random, 2.0), 500)),
                new ArmComparison.Cell<>("thick", sketch(lcp(random, 1.0), 800), sketch(lcp(random, 1.3), 800))), SETTINGS);
        assertEquals(Verdict.NOT_ENOUGH_DATA, results.get(0).verdict());
        assertEquals(results.get(1).pValue(), results.get(1).adjustedP(), 1e-12);
        assertEquals(Verdict.WORSE, results.get(1).verdict());
    }

    @Test
    void theIntervalHoldsTheTrueQuantileAboutNinetyFivePercentOfTheTime() {
        Random random = new Random(27);
        double trueP75 = 2500 * Math.exp(0.5 * 0.6744898);
        int covered = 0;
        for (int i = 0; i < 1000; i++) {
            QuantileEstimate estimate = QuantileEstimate.of(sketch(lcp(random, 1.0), 300), 0.75);
            covered += estimate.lower() <= trueP75 && trueP75 <= estimate.upper() ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "[compare] p75 interval coverage, 1000 samples of 300: %.1f %%%n", covered / 10.0);
        assertTrue(covered >= 930 && covered <= 985, "coverage " + covered);
    }

    @Test
    void holmAdjustsStepDown() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, Holm.adjust(new double[] {0.01, 0.04, 0.03}), 1e-12);
        assertArrayEquals(new double[] {1.0}, Holm.adjust(new double[] {1.0}), 1e-12);
    }

    private static Verdict oneCell(DoubleSupplier a, DoubleSupplier b, int perArm) {
        return ArmComparison.compare(List.of(new ArmComparison.Cell<>("cell", sketch(a, perArm), sketch(b, perArm))),
                SETTINGS).get(0).verdict();
    }

    /** LCP-like: lognormal with a median of 2.5 s (times {@code scale}) and σ = 0.5. */
    private static DoubleSupplier lcp(Random random, double scale) {
        return () -> 2500 * scale * Math.exp(0.5 * random.nextGaussian());
    }

    private static DoubleSupplier heavyTail(Random random) {
        return () -> random.nextDouble() < 0.05 ? 5000 + 25_000 * random.nextDouble()
                : 1200 * Math.exp(1.2 * random.nextGaussian());
    }

    private static QuantileSketch sketch(DoubleSupplier values, int count) {
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < count; i++) {
            sketch.add(values.getAsDouble());
        }
        return sketch;
    }
}

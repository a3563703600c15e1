package com.wedsync.perf.model.stats;

import com.wedsync.perf.model.sketch.QuantileSketch;
import java.util.ArrayList;
import java.util.List;

/**
 * Two arms that ran at the same time (two releases, two variants of an experiment), compared cell by cell (a route
 * and device, or a route and metric): per cell the quantile of each arm with its interval, the difference, and a
 * two-sided z test of the difference of the two quantiles, whose standard errors come from the order statistics
 * ({@link QuantileEstimate}) — a test of the quantile itself, valid for skewed data, unlike a t test of means or a
 * rank test of whole distributions. With many cells some differ by chance, so the p-values are corrected for the
 * number of cells judged (Holm's step-down method, which keeps the chance of any false verdict among them within α).
 * A cell is {@code worse} or {@code better} only when it is significant after that correction <em>and</em> the
 * difference is at least the smallest effect worth acting on.
 */
public final class ArmComparison {

    /** The question asked: which quantile, how sure, how many values each arm needs, which effect matters. */
    public record Settings(double quantile, double alpha, long minSamples, double minEffect) {

        public static final Settings DEFAULT = new Settings(0.75, 0.05, 100, 0.05);

        public Settings {
            if (!(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException("quantile must be within (0, 1), got " + quantile);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be within (0, 1), got " + alpha);
            }
            if (minSamples < 2) {
                throw new IllegalArgumentException("minSamples must be at least 2, got " + minSamples);
            }
            if (!(minEffect >= 0)) {
                throw new IllegalArgumentException("minEffect must not be negative, got " + minEffect);
            }
        }
    }

    /** One cell's two arms, as sketches of the same metric over the same window. */
    public record Cell<K>(K key, QuantileSketch a, QuantileSketch b) {
    }

    /**
     * One cell's answer. {@code relative} is (b − a) / a; {@code lower}/{@code upper} bound the difference b − a (95 %,
     * uncorrected); {@code pValue} is the test's, {@code adjustedP} Holm's (1 for cells without enough data).
     */
    public record Result<K>(K key, QuantileEstimate a, QuantileEstimate b, double difference, double relative,
                            double lower, double upper, double pValue, double adjustedP, Verdict verdict) {
    }

    private ArmComparison() {
    }

    public static <K> List<Result<K>> compare(List<Cell<K>> cells, Settings settings) {
        List<Result<K>> tested = new ArrayList<>();
        for (Cell<K> cell : cells) {
            tested.add(test(cell, settings));
        }
        List<Integer> judged = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            if (!Double.isNaN(tested.get(i).pValue())) {
                judged.add(i);
            }
        }
        double[] adjusted = Holm.adjust(judged.stream().mapToDouble(i -> tested.get(i).pValue()).toArray());
        List<Result<K>> results = new ArrayList<>(tested);
        for (int j = 0; j < judged.size(); j++) {
            Result<K> r = tested.get(judged.get(j));
            results.set(judged.get(j), new Result<>(r.key(), r.a(), r.b(), r.difference(), r.relative(), r.lower(),
                    r.upper(), r.pValue(), adjusted[j], verdict(r.relative(), adjusted[j], settings)));
        }
        return results;
    }

    private static <K> Result<K> test(Cell<K> cell, Settings settings) {
        QuantileEstimate a = QuantileEstimate.of(cell.a(), settings.quantile());
        QuantileEstimate b = QuantileEstimate.of(cell.b(), settings.quantile());
        if (a.count() < settings.minSamples() || b.count() < settings.minSamples()) {
            double difference = b.value() - a.value();
            return new Result<>(cell.key(), a, b, difference, relative(difference, a.value()), Double.NaN, Double.NaN,
                    Double.NaN, 1, Verdict.NOT_ENOUGH_DATA);
        }
        double difference = b.value() - a.value();
        double error = Math.sqrt(a.standardError() * a.standardError() + b.standardError() * b.standardError());
        double p = error == 0 ? (difference == 0 ? 1 : 0) : 2 * (1 - Normal.cdf(Math.abs(difference) / error));
        return new Result<>(cell.key(), a, b, difference, relative(difference, a.value()),
                difference - QuantileEstimate.Z95 * error, difference + QuantileEstimate.Z95 * error, p, p, null);
    }

    private static Verdict verdict(double relative, double adjustedP, Settings settings) {
        if (adjustedP > settings.alpha() || Math.abs(relative) < settings.minEffect()) {
            return Verdict.NO_DIFFERENCE;
        }
        return relative > 0 ? Verdict.WORSE : Verdict.BETTER;
    }

    private static double relative(double difference, double base) {
        return base == 0 ? (difference == 0 ? 0 : Double.POSITIVE_INFINITY) : difference / base;
    }
}

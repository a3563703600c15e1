package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.stats.ArmComparison;
import com.wedsync.perf.model.stats.QuantileEstimate;
import com.wedsync.perf.model.stats.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/compare}: arm b against arm a, per route and device, over the minutes both ran. The overall verdict is
 * {@code worse} when any cell is worse, else {@code better} when any is better, else {@code no difference} when any
 * cell had enough data, else {@code not enough data}.
 */
public record CompareView(String tenant, String source, String metric, String a, String b, Instant from, Instant to,
                          double quantile, String test, String correction, double alpha, long minSamples,
                          double minEffect, Verdict verdict, List<CellView> cells) {

    public static final String TEST = "two-sided z test of the difference of the two p75s; each p75's standard error "
            + "from its distribution-free (binomial order-statistic) 95 % interval, widened by the sketch's error";
    public static final String CORRECTION = "Holm step-down over the cells with enough data (family-wise error ≤ alpha)";

    /** One arm's quantile in one cell. */
    public record ArmView(long count, Double p75, Double lower, Double upper) {

        static ArmView of(QuantileEstimate estimate) {
            return new ArmView(estimate.count(), finite(estimate.value()), finite(estimate.lower()), finite(estimate.upper()));
        }
    }

    /** One route and device: both arms, the difference b − a with its 95 % interval, the test and the verdict. */
    public record CellView(String route, String device, long overlapMinutes, ArmView a, ArmView b, Double difference,
                           Double relativeDifference, Double differenceLower, Double differenceUpper, Double pValue,
                           Double adjustedP, Verdict verdict) {
    }

    static CompareView of(String tenant, String source, String metric, String a, String b, Instant from, Instant to,
                          ArmComparison.Settings settings, List<ArmComparison.Result<ArmCompare.Cell>> results) {
        List<CellView> cells = results.stream().map(r -> new CellView(r.key().route(), r.key().device(),
                r.key().overlapMinutes(), ArmView.of(r.a()), ArmView.of(r.b()), finite(r.difference()),
                finite(r.relative()), finite(r.lower()), finite(r.upper()), finite(r.pValue()),
                r.verdict() == Verdict.NOT_ENOUGH_DATA ? null : r.adjustedP(), r.verdict())).toList();
        return new CompareView(tenant, source, metric, a, b, from, to, settings.quantile(), TEST, CORRECTION,
                settings.alpha(), settings.minSamples(), settings.minEffect(), overall(cells), cells);
    }

    private static Verdict overall(List<CellView> cells) {
        if (cells.stream().anyMatch(c -> c.verdict() == Verdict.WORSE)) {
            return Verdict.WORSE;
        }
        if (cells.stream().anyMatch(c -> c.verdict() == Verdict.BETTER)) {
            return Verdict.BETTER;
        }
        return cells.stream().anyMatch(c -> c.verdict() == Verdict.NO_DIFFERENCE) ? Verdict.NO_DIFFERENCE
                : Verdict.NOT_ENOUGH_DATA;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

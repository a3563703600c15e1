package com.wedsync.perf.gate.budget;

import com.wedsync.perf.model.stats.Median;
import java.util.Arrays;

/**
 * How several Lighthouse runs of one URL become one figure: the median (default), the best run (optimistic) or the
 * worst (pessimistic) — "best" meaning the highest score or the lowest time.
 */
public enum Aggregation {
    MEDIAN, OPTIMISTIC, PESSIMISTIC;

    /** @param higherIsBetter true for scores, false for timings and sizes */
    public double of(double[] values, boolean higherIsBetter) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return switch (this) {
            case MEDIAN -> Median.of(sorted);
            case OPTIMISTIC -> higherIsBetter ? sorted[sorted.length - 1] : sorted[0];
            case PESSIMISTIC -> higherIsBetter ? sorted[0] : sorted[sorted.length - 1];
        };
    }
}

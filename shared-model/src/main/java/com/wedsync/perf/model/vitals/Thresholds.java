package com.wedsync.perf.model.vitals;

/**
 * The public boundaries of a rated metric: a value is good up to {@code good} inclusive,
 * poor above {@code poor}, and needs improvement in between.
 */
public record Thresholds(double good, double poor) {

    public Thresholds {
        if (!(good >= 0 && good < poor)) {
            throw new IllegalArgumentException("thresholds need 0 <= good < poor, got " + good + " / " + poor);
        }
    }

    public Rating rate(double value) {
        if (value <= good) {
            return Rating.GOOD;
        }
        return value > poor ? Rating.POOR : Rating.NEEDS_IMPROVEMENT;
    }
}

package com.wedsync.perf.model.stats;

import java.util.Arrays;

/** The median of a few runs or minutes: the middle value, or the mean of the two middle ones. */
public final class Median {

    private Median() {
    }

    public static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

package com.wedsync.perf.model.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction of p-values for many questions asked at once: the chance that any of the verdicts
 * drawn at α is false stays within α, with more power than Bonferroni's.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            running = Math.max(running, Math.min(1, (m - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}

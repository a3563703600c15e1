package com.wedsync.perf.model.stats;

import java.util.Arrays;

/**
 * Mann-Whitney U, one-sided: is the candidate larger than the baseline beyond run-to-run noise? Exact distribution for
 * small samples without ties, else the normal approximation with tie and continuity corrections. Lighthouse runs are
 * few and skewed, which is why a rank test and not a t-test.
 */
public final class MannWhitney {

    /** Up to this many pairs the exact distribution is enumerated. */
    private static final int EXACT_PAIRS = 400;

    private MannWhitney() {
    }

    public static RankTest candidateLarger(double[] candidate, double[] baseline) {
        if (candidate.length == 0 || baseline.length == 0) {
            throw new IllegalArgumentException("both sides need at least one run");
        }
        double u = 0;
        for (double c : candidate) {
            for (double b : baseline) {
                u += c > b ? 1 : c == b ? 0.5 : 0;
            }
        }
        int n1 = candidate.length;
        int n2 = baseline.length;
        boolean ties = hasTies(candidate, baseline);
        if (!ties && n1 * n2 <= EXACT_PAIRS) {
            return new RankTest(n1, n2, u, exactUpperTail(n1, n2, (int) u), "exact");
        }
        return new RankTest(n1, n2, u, normalUpperTail(candidate, baseline, u), "normal approximation with tie correction");
    }

    /** P(U ≥ u) under the null hypothesis, counting the orderings of n1 + n2 distinct values. */
    static double exactUpperTail(int n1, int n2, int u) {
        int maxU = n1 * n2;
        // f(i, j, s): orderings of i candidate and j baseline values with U = s. The largest value is either a
        // candidate one (beating all j: f(i-1, j, s-j)) or a baseline one (f(i, j-1, s)); built one j at a time.
        double[][] previous = new double[n1 + 1][maxU + 1];
        for (int i = 0; i <= n1; i++) {
            previous[i][0] = 1;
        }
        for (int j = 1; j <= n2; j++) {
            double[][] current = new double[n1 + 1][maxU + 1];
            current[0][0] = 1;
            for (int i = 1; i <= n1; i++) {
                for (int s = 0; s <= maxU; s++) {
                    double count = previous[i][s];
                    if (s >= j) {
                        count += current[i - 1][s - j];
                    }
                    current[i][s] = count;
                }
            }
            previous = current;
        }
        double[][] ways = previous;
        double total = Binomial.choose(n1 + n2, n1);
        double tail = 0;
        for (int s = Math.max(0, u); s <= maxU; s++) {
            tail += ways[n1][s];
        }
        return Math.min(1, tail / total);
    }

    private static double normalUpperTail(double[] candidate, double[] baseline, double u) {
        int n1 = candidate.length;
        int n2 = baseline.length;
        int n = n1 + n2;
        double mean = n1 * (double) n2 / 2;
        double tieTerm = tieSum(candidate, baseline);
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / (n * (double) (n - 1)));
        if (variance <= 0) {
            return 1;
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return 1 - Normal.cdf(z);
    }

    private static boolean hasTies(double[] candidate, double[] baseline) {
        double[] all = concat(candidate, baseline);
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Σ (t³ − t) over groups of t equal values. */
    private static double tieSum(double[] candidate, double[] baseline) {
        double[] all = concat(candidate, baseline);
        Arrays.sort(all);
        double sum = 0;
        int run = 1;
        for (int i = 1; i <= all.length; i++) {
            if (i < all.length && all[i] == all[i - 1]) {
                run++;
            } else {
                sum += (double) run * run * run - run;
                run = 1;
            }
        }
        return sum;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

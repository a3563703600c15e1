package com.wedsync.perf.model.stats;

/** Binomial coefficients as doubles (run counts are small; doubles stay exact well past them). */
final class Binomial {

    private Binomial() {
    }

    static double choose(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}

package com.wedsync.perf.model.stats;

/**
 * The result of a one-sided Mann-Whitney U test that a candidate's runs are larger (slower, heavier) than the
 * baseline's: {@code u} counts the pairs where the candidate is larger (ties count half), {@code pValue} is the chance of
 * a U at least this large if both came from the same distribution.
 *
 * @param method "exact" (small samples without ties) or "normal approximation with tie correction"
 */
public record RankTest(int candidateRuns, int baselineRuns, double u, double pValue, String method) {

    /** The smallest p-value these sample sizes can give at all: with 3 runs a side it is 0.05. */
    public double smallestPossiblePValue() {
        return 1.0 / Binomial.choose(candidateRuns + baselineRuns, candidateRuns);
    }

    public boolean isSignificant(double alpha) {
        return pValue <= alpha;
    }
}

package com.wedsync.perf.model.event;

/**
 * Why a tenant is believed hurt by another's load.
 *
 * @param p95Ms the victim's p95 latency in the finding's window
 * @param baselineP95Ms the victim's own recent p95 before the episode
 * @param correlation Pearson correlation of the antagonist's volume with this victim's p95 over the look-back
 */
public record VictimEvidence(String tenant, double p95Ms, double baselineP95Ms, double correlation) {

    public VictimEvidence {
        Require.text(tenant, "tenant");
        Require.nonNegative(p95Ms, "p95Ms");
        Require.nonNegative(baselineP95Ms, "baselineP95Ms");
        if (!(correlation >= -1 && correlation <= 1)) {
            throw new IllegalArgumentException("correlation must be within -1..1, got " + correlation);
        }
    }

    /** How many times slower than its baseline the victim was; infinite when there was no baseline latency. */
    public double p95Ratio() {
        return baselineP95Ms == 0 ? Double.POSITIVE_INFINITY : p95Ms / baselineP95Ms;
    }
}

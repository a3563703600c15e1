package com.wedsync.perf.gate.regression;

/**
 * One metric of one URL as one form factor ({@code mobile}, {@code desktop}), candidate against baseline: the medians, the relative change (positive = worse), the rank
 * test's p-value and what the gate makes of it.
 */
public record MetricComparison(String url, String formFactor, String metric, double baselineMedian, double candidateMedian,
                               double worseBy, double pValue, String test, Outcome outcome, String message) {

    public enum Outcome {
        /** Not worse beyond the tolerance. */
        WITHIN_TOLERANCE,
        /** Worse beyond the tolerance, but within run-to-run noise: a warning. */
        NOT_SIGNIFICANT,
        /** Worse beyond the tolerance and beyond noise: the gate fails. */
        REGRESSED
    }
}

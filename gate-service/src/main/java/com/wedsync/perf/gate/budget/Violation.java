package com.wedsync.perf.gate.budget;

/**
 * One broken budget: which metric (and where: a URL or a bundle group), the value measured, the limit and a sentence
 * for the CI log.
 */
public record Violation(String metric, String where, double actual, double limit, String message) {
}

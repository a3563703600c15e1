package com.wedsync.perf.gate.budget;

/**
 * One broken budget: which metric (and where: a page as tested, e.g. {@code https://…/ (mobile)}, a bundle group or the load test), the value measured, the limit and a sentence
 * for the CI log.
 */
public record Violation(String metric, String where, double actual, double limit, String message) {
}

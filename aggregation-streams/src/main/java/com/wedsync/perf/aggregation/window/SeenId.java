package com.wedsync.perf.aggregation.window;

/**
 * The value a web-vitals id last reported and where it counted: a later report of the same id takes this value
 * back out of that window and puts its own in, so the id counts once, with its latest value.
 */
public record SeenId(long windowStart, double value, String route, String device) {
}

package com.wedsync.perf.aggregation.interference;

/** One tenant's server traffic in one minute: how many requests, and how slow at p95. */
public record TenantMinute(long minuteStart, long requests, double p95Ms) {
}

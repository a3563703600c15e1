package com.wedsync.perf.gate.input;

import java.util.OptionalDouble;

/**
 * What the gate reads from a k6 end-of-test summary.
 *
 * @param p95Ms {@code http_req_duration} p(95) in milliseconds
 * @param errorRate {@code http_req_failed} rate (0–1)
 */
public record LoadTestSummary(OptionalDouble p95Ms, OptionalDouble p99Ms, OptionalDouble errorRate, OptionalDouble requests) {
}

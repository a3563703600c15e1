package com.wedsync.perf.alerting.api;

import java.time.Instant;

/**
 * Body of POST /v1/silences: matchers (any may be left out) and how long: {@code until}, or {@code minutes} from now.
 * Who made it is the token's name, never a field of the body.
 */
public record SilenceRequest(String tenant, String route, String metric, String type, String severity, Instant until,
                             Integer minutes, String comment) {
}

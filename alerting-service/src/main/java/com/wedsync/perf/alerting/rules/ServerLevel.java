package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.service.api.ApiException;

/** One step of the server-timing ladder: latency above {@code latencyMs} or errors above {@code errorRate} is {@code severity}. */
public record ServerLevel(Severity severity, double latencyMs, double errorRate) {

    public ServerLevel {
        if (severity == null) {
            throw ApiException.badRequest("invalid_rules", "every server level needs a severity");
        }
        if (!(latencyMs > 0) || !(errorRate > 0) || errorRate > 1) {
            throw ApiException.badRequest("invalid_rules", "server level " + severity
                    + " needs latencyMs > 0 and 0 < errorRate <= 1");
        }
    }
}

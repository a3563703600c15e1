package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.service.api.ApiException;

/**
 * A Web Vital's alert thresholds: above {@code warning} at the chosen percentile is a medium alert, above
 * {@code critical} a critical one.
 *
 * @param percentile "p75" (the headline figure) or "p95"
 */
public record BrowserThreshold(String percentile, double warning, double critical) {

    public BrowserThreshold {
        percentile = percentile == null ? "p75" : percentile;
        if (!Percentile.isKnown(percentile)) {
            throw ApiException.badRequest("invalid_rules", "percentile must be p50, p75, p95 or p99, not '" + percentile + "'");
        }
        if (!(warning > 0) || !(critical >= warning) || !Double.isFinite(critical)) {
            throw ApiException.badRequest("invalid_rules", "thresholds need 0 < warning <= critical, got " + warning
                    + " / " + critical);
        }
    }
}

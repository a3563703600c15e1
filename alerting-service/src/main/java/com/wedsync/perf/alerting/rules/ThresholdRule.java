package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendPoint;

/**
 * Judges one closed minute against a tenant's thresholds: Web Vitals at their percentile, server timings by the
 * latency / error-rate ladder. On a wedding day, server timings must also stay under 500 ms and 0.1% errors, and a
 * breach is one severity level higher.
 */
public final class ThresholdRule {

    public static final double WEDDING_LATENCY_MS = 500;
    public static final double WEDDING_ERROR_RATE = 0.001;

    private ThresholdRule() {
    }

    public static Verdict evaluate(TrendPoint point, EffectiveRules rules, boolean weddingDay) {
        if (point.count() < rules.minSamples()) {
            return Verdict.noData();
        }
        Verdict verdict = point.source() == Source.RUM ? browser(point, rules) : server(point, rules, weddingDay);
        return weddingDay ? verdict.raised() : verdict;
    }

    private static Verdict browser(TrendPoint point, EffectiveRules rules) {
        BrowserThreshold threshold = rules.browser().get(point.metric());
        if (threshold == null) {
            return Verdict.noData();
        }
        double value = Percentile.of(point, threshold.percentile());
        if (value > threshold.critical()) {
            return Verdict.breached(Severity.CRITICAL, threshold.critical(), value, threshold.percentile());
        }
        if (value > threshold.warning()) {
            return Verdict.breached(Severity.MEDIUM, threshold.warning(), value, threshold.percentile());
        }
        return Verdict.clear(threshold.warning(), value, threshold.percentile());
    }

    private static Verdict server(TrendPoint point, EffectiveRules rules, boolean weddingDay) {
        double latency = Percentile.of(point, rules.serverPercentile());
        double errorRate = point.errorRate();
        for (ServerLevel level : rules.server()) {
            if (latency > level.latencyMs()) {
                return Verdict.breached(level.severity(), level.latencyMs(), latency, rules.serverPercentile());
            }
            if (errorRate > level.errorRate()) {
                return Verdict.breached(level.severity(), level.errorRate(), errorRate, "error rate");
            }
        }
        if (weddingDay && latency > WEDDING_LATENCY_MS) {
            return Verdict.breached(Severity.MEDIUM, WEDDING_LATENCY_MS, latency, rules.serverPercentile());
        }
        if (weddingDay && errorRate > WEDDING_ERROR_RATE) {
            return Verdict.breached(Severity.MEDIUM, WEDDING_ERROR_RATE, errorRate, "error rate");
        }
        ServerLevel lowest = rules.server().get(rules.server().size() - 1);
        return Verdict.clear(weddingDay ? WEDDING_LATENCY_MS : lowest.latencyMs(), latency, rules.serverPercentile());
    }
}

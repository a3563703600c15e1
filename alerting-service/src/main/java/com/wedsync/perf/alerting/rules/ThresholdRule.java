package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.slo.OperationObjective;
import com.wedsync.perf.model.slo.OperationObjectives;

/**
 * Judges one closed minute against a tenant's thresholds: Web Vitals at their percentile, server timings by the
 * latency / error-rate ladder, stretched for an operation whose wedding-day objective is above the ladder's first
 * step ({@link EffectiveRules#ordinaryDayObjective}). On a wedding day each operation must also meet its own objective
 * ({@link OperationObjectives}): a miss is high, and every breach is one severity level higher — so a missed
 * objective on a wedding day is critical.
 */
public final class ThresholdRule {

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
        OperationObjective objective = rules.objective(point.metric());
        Verdict ladder = ladder(point, rules, rules.ordinaryDayObjective(point.metric()));
        if (!weddingDay) {
            return ladder;
        }
        Verdict onTheDay = weddingDay(point, objective);
        return onTheDay.isBreached() && (!ladder.isBreached() || onTheDay.severity().compareTo(ladder.severity()) > 0)
                ? onTheDay : ladder.isBreached() ? ladder : onTheDay;
    }

    /** The ladder, each step stretched as the operation's ordinary-day objective is from the ladder's first. */
    private static Verdict ladder(TrendPoint point, EffectiveRules rules, OperationObjective ordinaryDay) {
        double latency = Percentile.of(point, rules.serverPercentile());
        double errorRate = point.errorRate();
        ServerLevel lowest = rules.server().get(rules.server().size() - 1);
        double scale = ordinaryDay.latencyMs() / lowest.latencyMs();
        for (ServerLevel level : rules.server()) {
            if (latency > level.latencyMs() * scale) {
                return Verdict.breached(level.severity(), level.latencyMs() * scale, latency, rules.serverPercentile());
            }
            if (errorRate > level.errorRate()) {
                return Verdict.breached(level.severity(), level.errorRate(), errorRate, "error rate");
            }
        }
        return Verdict.clear(lowest.latencyMs() * scale, latency, rules.serverPercentile());
    }

    /** The operation against its wedding-day objective: latency at the objective's percentile, then errors. */
    private static Verdict weddingDay(TrendPoint point, OperationObjective objective) {
        double latency = Percentile.of(point, objective.percentile());
        if (latency > objective.latencyMs()) {
            return Verdict.breached(Severity.HIGH, objective.latencyMs(), latency, objective.percentile());
        }
        if (point.errorRate() > objective.errorRate()) {
            return Verdict.breached(Severity.HIGH, objective.errorRate(), point.errorRate(), "error rate");
        }
        return Verdict.clear(objective.latencyMs(), latency, objective.percentile());
    }
}

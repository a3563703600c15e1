package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.event.Severity;

/**
 * What one closed window says about a rule: too few samples to tell, clear, or breached at a severity, with the
 * threshold crossed (or nearest to it) and the value measured.
 *
 * @param measure what was compared, e.g. "p75" or "error rate"
 */
public record Verdict(Outcome outcome, Severity severity, double threshold, double actual, String measure) {

    public enum Outcome { NO_DATA, CLEAR, BREACHED }

    static Verdict noData() {
        return new Verdict(Outcome.NO_DATA, Severity.LOW, 0, 0, "");
    }

    static Verdict clear(double threshold, double actual, String measure) {
        return new Verdict(Outcome.CLEAR, Severity.LOW, threshold, actual, measure);
    }

    static Verdict breached(Severity severity, double threshold, double actual, String measure) {
        return new Verdict(Outcome.BREACHED, severity, threshold, actual, measure);
    }

    public boolean isBreached() {
        return outcome == Outcome.BREACHED;
    }

    public boolean isClear() {
        return outcome == Outcome.CLEAR;
    }

    Verdict raised() {
        return isBreached() ? new Verdict(outcome, severity.raised(), threshold, actual, measure) : this;
    }
}

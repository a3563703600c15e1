package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import java.util.List;

/**
 * An hour's p75 against the same hour of the previous days, the baseline being the p75 of their <em>merged</em>
 * sketches (never an average of percentiles). Judged only when both sides have at least {@code minSamples}.
 */
public final class RegressionRule {

    private RegressionRule() {
    }

    /**
     * @param tolerance e.g. 0.10: worse by more than 10% is a regression
     */
    public static Verdict evaluate(QuantileSketch hour, List<QuantileSketch> sameHourBefore, double tolerance,
                                   long minSamples) {
        QuantileSketch baseline = new QuantileSketch(hour.relativeAccuracy());
        sameHourBefore.forEach(baseline::merge);
        if (hour.count() < minSamples || baseline.count() < minSamples) {
            return Verdict.noData();
        }
        double now = hour.quantile(0.75);
        double before = baseline.quantile(0.75);
        double limit = before * (1 + tolerance);
        return now > limit ? Verdict.breached(Severity.MEDIUM, limit, now, "p75 vs the same hour of the last 7 days")
                : Verdict.clear(limit, now, "p75 vs the same hour of the last 7 days");
    }

    public static List<QuantileSketch> decode(List<String> encoded) {
        return encoded.stream().map(SketchCodec::decode).toList();
    }
}

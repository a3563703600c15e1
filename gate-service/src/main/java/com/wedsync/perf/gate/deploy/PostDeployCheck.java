package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.model.stats.Median;
import com.wedsync.perf.model.stats.MannWhitney;
import com.wedsync.perf.model.stats.RankTest;
import java.util.Locale;

/**
 * One tenant's metric after a deployment against before it: the minutes' p75 values on each side, their medians, and
 * a one-sided Mann-Whitney U test. Significantly worse (p ≤ 0.05) by more than the tolerance recommends a rollback.
 */
public final class PostDeployCheck {

    public static final double ALPHA = 0.05;

    /** How a finding was reached: the new release against the old one at the same time, or after against before. */
    public static final String CONCURRENT = "concurrent";
    public static final String BEFORE_AFTER = "before-after";

    /**
     * One metric's evidence. Before/after findings compare the tenant's minutes' p75s ({@code minutesBefore/After});
     * concurrent ones ({@code comparison} {@value #CONCURRENT}) one route's views of the old release
     * ({@code baseline}, {@code p75Before}, {@code samplesBefore}) with the new one's in the same minutes.
     */
    public record Finding(String tenant, String metric, int minutesBefore, int minutesAfter, double p75Before,
                          double p75After, double worseBy, double pValue, boolean rollback, String summary,
                          String comparison, String route, String baseline, long samplesBefore, long samplesAfter) {
    }

    private PostDeployCheck() {
    }

    /** Null when either side has fewer than {@code minMinutes} minutes: too little traffic to judge. */
    public static Finding compare(String tenant, String metric, double[] before, double[] after, double tolerance,
                                  int minMinutes) {
        if (before.length < minMinutes || after.length < minMinutes) {
            return null;
        }
        double medianBefore = Median.of(before);
        double medianAfter = Median.of(after);
        double worseBy = medianBefore == 0 ? 0 : (medianAfter - medianBefore) / medianBefore;
        RankTest test = MannWhitney.candidateLarger(after, before);
        boolean rollback = worseBy > tolerance && test.isSignificant(ALPHA);
        String summary = String.format(Locale.ROOT, "%s p75 for %s %.4g → %.4g (%+.1f%%, p = %.4f, %d vs %d minutes)",
                metric, tenant, medianBefore, medianAfter, worseBy * 100, test.pValue(), after.length, before.length);
        return new Finding(tenant, metric, before.length, after.length, medianBefore, medianAfter, worseBy, test.pValue(),
                rollback, summary, BEFORE_AFTER, null, null, 0, 0);
    }

}

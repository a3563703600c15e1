package com.wedsync.perf.scaling.response;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.wedsync.perf.model.slo.OperationObjective;
import com.wedsync.perf.model.stats.Median;
import com.wedsync.perf.model.stats.Shift;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Whether an automated response helped: the affected operation's minutes before it took effect against those after,
 * by their p95 (a one-sided Mann-Whitney U test on the minutes' p95s each way: minutes are few and skewed) and by
 * how fast they burnt the objective's latency budget.
 *
 * @param response what was done, as the summary names it ("emergency", "scale-up 2 → 4 instances")
 * @param verdict {@code helped} (after faster, p ≤ {@value #ALPHA}), {@code worse} (after slower, p ≤ {@value #ALPHA}),
 *                {@code no effect}, or {@code unmeasured} with fewer than {@value #MIN_MINUTES} minutes on a side
 * @param pValue the test's p-value for the direction the medians moved in (corrected for the other operations judged
 *               with it: {@link #adjusted}), null when unmeasured
 */
public record ResponseEffect(String response, String operation, OperationObjective objective, Instant tookEffectAt, Side before, Side after,
                             Double pValue, String verdict, String summary) {

    public static final double ALPHA = Shift.ALPHA;
    public static final int MIN_MINUTES = 4;

    /** @param burnRate the minutes' requests that were not good over those the objective allows (1.0: on budget) */
    public record Side(int minutes, long requests, Double p95, Double burnRate) {

        static Side of(List<OperationMinutes.Minute> minutes, OperationObjective objective) {
            long requests = minutes.stream().mapToLong(OperationMinutes.Minute::requests).sum();
            long good = minutes.stream().mapToLong(OperationMinutes.Minute::good).sum();
            Double p95 = minutes.isEmpty() ? null : round(Median.of(p95s(minutes)));
            Double burn = requests == 0 ? null : round((requests - good) / ((1 - objective.latencyTarget()) * requests));
            return new Side(minutes.size(), requests, p95, burn);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    static ResponseEffect of(String response, String operation, OperationObjective objective, Instant tookEffectAt,
                             List<OperationMinutes.Minute> before, List<OperationMinutes.Minute> after) {
        Side was = Side.of(before, objective);
        Side is = Side.of(after, objective);
        if (before.size() < MIN_MINUTES || after.size() < MIN_MINUTES) {
            return new ResponseEffect(response, operation, objective, tookEffectAt, was, is, null, "unmeasured",
                    String.format(Locale.ROOT, "%s at %s UTC — %s: %d minutes before, %d after; at least %d each are needed",
                            response, TIME.format(tookEffectAt), operation, before.size(), after.size(), MIN_MINUTES));
        }
        return judged(response, operation, objective, tookEffectAt, was, is, Shift.of(p95s(before), p95s(after)).pValue());
    }

    /** Whether it was measured: enough minutes on both sides. */
    @JsonIgnore
    public boolean isMeasured() {
        return pValue != null;
    }

    /** The same effect judged at a corrected p-value (several operations asked about one response: Holm). */
    ResponseEffect adjusted(double p) {
        return isMeasured() ? judged(response, operation, objective, tookEffectAt, before, after, p) : this;
    }

    private static ResponseEffect judged(String response, String operation, OperationObjective objective,
                                         Instant tookEffectAt, Side was, Side is, double p) {
        String verdict = Shift.judged(was.p95(), is.p95(), p).verdict();
        String summary = String.format(Locale.ROOT, "%s at %s UTC — %s p95 %.0f → %.0f ms, burn %s → %s, %s (p = %.3f)",
                response, TIME.format(tookEffectAt), operation, was.p95(), is.p95(), times(was.burnRate()),
                times(is.burnRate()), verdict, p);
        return new ResponseEffect(response, operation, objective, tookEffectAt, was, is, round(p), verdict, summary);
    }

    private static double[] p95s(List<OperationMinutes.Minute> minutes) {
        return minutes.stream().mapToDouble(OperationMinutes.Minute::p95).toArray();
    }

    private static String times(Double burn) {
        return burn == null ? "–" : String.format(Locale.ROOT, burn >= 10 ? "%.0f×" : "%.1f×", burn);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

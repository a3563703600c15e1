package com.wedsync.perf.model.stats;

/**
 * Whether a response moved a latency: per-minute values (a p95, a p75) before it against after it, their medians,
 * and a one-sided Mann-Whitney U test in the direction the median moved (minutes are few and skewed, so ranks, not
 * means). Lower is better: {@code helped} when after is significantly lower, {@code worse} when significantly
 * higher, {@code no effect} otherwise.
 *
 * @param pValue the test's p-value, or a corrected one ({@link #atP}) when several shifts are judged together
 */
public record Shift(double before, double after, double pValue, String verdict) {

    public static final double ALPHA = 0.05;
    public static final String HELPED = "helped";
    public static final String WORSE = "worse";
    public static final String NO_EFFECT = "no effect";

    /** Both sides must have at least one value. */
    public static Shift of(double[] before, double[] after) {
        if (before.length == 0 || after.length == 0) {
            throw new IllegalArgumentException("a shift needs values on both sides");
        }
        double was = Median.of(before);
        double is = Median.of(after);
        double p = is < was ? MannWhitney.candidateLarger(before, after).pValue()
                : MannWhitney.candidateLarger(after, before).pValue();
        return judged(was, is, p);
    }

    /** The verdict on medians {@code before} and {@code after} at p-value {@code p}. */
    public static Shift judged(double before, double after, double p) {
        String verdict = p > ALPHA || after == before ? NO_EFFECT : after < before ? HELPED : WORSE;
        return new Shift(before, after, p, verdict);
    }

    /**
     * One verdict for a response judged by several shifts: {@code worse} when any got significantly worse,
     * {@code helped} when one got better and none worse, {@code no effect} otherwise, {@code unmeasured} with none.
     */
    public static String overall(java.util.Collection<String> verdicts) {
        return verdicts.isEmpty() ? "unmeasured" : verdicts.contains(WORSE) ? WORSE
                : verdicts.contains(HELPED) ? HELPED : NO_EFFECT;
    }

    /** The same shift judged at a corrected p-value. */
    public Shift atP(double corrected) {
        return judged(before, after, corrected);
    }
}

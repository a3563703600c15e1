package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.model.stats.Holm;
import com.wedsync.perf.model.stats.Shift;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a rollback recommendation helped: each regressed tenant metric's real-user p75 per minute in the
 * deployment's after-window (the minutes that recommended the rollback) against the minutes after the rollback — the
 * project's next deployment to the environment — or, when none followed, after the recommendation itself. Per metric a
 * {@link Shift} (one-sided Mann-Whitney U), p-values corrected across the metrics (Holm); overall {@code worse} when any
 * got significantly slower, {@code helped} when one got faster and none slower, {@code no effect} when none moved,
 * {@code unmeasured} when no metric had enough minutes on both sides.
 *
 * @param rolledBackTo the version deployed next, null when no deployment followed within the wait
 * @param measuredFrom the first minute of the after side (the rollback's, or the recommendation's, plus a minute)
 */
public record RollbackEffect(String version, Instant recommendedAt, String rolledBackTo, Instant rolledBackAt,
                             Instant measuredFrom, String verdict, String summary, List<MetricEffect> metrics) {

    /** One tenant metric's minutes before against after; p-value and verdict null when too few minutes. */
    public record MetricEffect(String tenant, String metric, int minutesBefore, int minutesAfter, Double p75Before,
                               Double p75After, Double pValue, String verdict) {
    }

    /** The minutes of one regressed metric, each side oldest first. */
    record Minutes(String tenant, String metric, double[] before, double[] after) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    static RollbackEffect of(String version, Instant recommendedAt, String rolledBackTo, Instant rolledBackAt,
                             Instant measuredFrom, List<Minutes> regressed, int minMinutes) {
        List<Integer> measured = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        for (int i = 0; i < regressed.size(); i++) {
            Minutes m = regressed.get(i);
            if (m.before().length >= minMinutes && m.after().length >= minMinutes) {
                measured.add(i);
                shifts.add(Shift.of(m.before(), m.after()));
            }
        }
        double[] adjusted = Holm.adjust(shifts.stream().mapToDouble(Shift::pValue).toArray());
        List<MetricEffect> metrics = new ArrayList<>();
        for (int i = 0; i < regressed.size(); i++) {
            Minutes m = regressed.get(i);
            int at = measured.indexOf(i);
            Shift shift = at < 0 ? null : shifts.get(at).atP(adjusted[at]);
            metrics.add(new MetricEffect(m.tenant(), m.metric(), m.before().length, m.after().length,
                    shift == null ? null : round(shift.before()), shift == null ? null : round(shift.after()),
                    shift == null ? null : round(shift.pValue()), shift == null ? "unmeasured" : shift.verdict()));
        }
        String verdict = Shift.overall(metrics.stream().filter(e -> e.pValue() != null).map(MetricEffect::verdict).toList());
        String when = rolledBackTo == null
                ? "no deployment followed; measured from the recommendation at " + TIME.format(recommendedAt) + " UTC"
                : "rolled back to " + rolledBackTo + " at " + TIME.format(rolledBackAt) + " UTC";
        String each = metrics.stream().filter(e -> e.pValue() != null)
                .map(e -> String.format(Locale.ROOT, "%s p75 for %s %.0f → %.0f ms (%s, p = %.3f)", e.metric(), e.tenant(),
                        e.p75Before(), e.p75After(), e.verdict(), e.pValue()))
                .collect(Collectors.joining("; "));
        String summary = "rollback of " + version + " recommended — " + when + " — " + verdict
                + (each.isEmpty() ? ": no regressed metric had " + minMinutes + " minutes on both sides" : ": " + each);
        return new RollbackEffect(version, recommendedAt, rolledBackTo, rolledBackAt, measuredFrom, verdict, summary,
                List.copyOf(metrics));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

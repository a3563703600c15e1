package com.wedsync.perf.scaling.response;

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
 * Whether a scale-up helped: each of the tenant's operations that ran around it, its minutes before the new capacity
 * against those after ({@link ResponseEffect}), the p-values corrected for the number of operations asked about
 * (Holm), and one verdict — {@code worse} when any operation got significantly slower, {@code helped} when one got
 * faster and none slower, {@code no effect} when none moved, {@code unmeasured} when none had enough minutes. A
 * scale-up made ahead of a wedding's load is meant to keep latency where it was as requests grow: {@code no effect}
 * with more requests per minute after (each side says how many) is that working.
 */
public record ScaleUpEffect(String response, Instant tookEffectAt, String verdict, String summary,
                            List<ResponseEffect> operations) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    static ScaleUpEffect of(String response, Instant tookEffectAt, List<ResponseEffect> measuredEach) {
        List<ResponseEffect> measured = measuredEach.stream().filter(ResponseEffect::isMeasured).toList();
        double[] adjusted = Holm.adjust(measured.stream().mapToDouble(ResponseEffect::pValue).toArray());
        List<ResponseEffect> judged = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            judged.add(measured.get(i).adjusted(adjusted[i]));
        }
        measuredEach.stream().filter(e -> !e.isMeasured()).forEach(judged::add);
        String verdict = Shift.overall(judged.stream().filter(ResponseEffect::isMeasured).map(ResponseEffect::verdict)
                .toList());
        String each = judged.stream().filter(ResponseEffect::isMeasured)
                .map(e -> String.format(Locale.ROOT, "%s p95 %.0f → %.0f ms at %s → %s requests/min (%s)",
                        e.operation(), e.before().p95(), e.after().p95(), perMinute(e.before()), perMinute(e.after()),
                        e.verdict()))
                .collect(Collectors.joining("; "));
        String summary = response + " at " + TIME.format(tookEffectAt) + " UTC — " + verdict
                + (each.isEmpty() ? ": no operation had enough minutes on both sides" : ": " + each);
        return new ScaleUpEffect(response, tookEffectAt, verdict, summary, List.copyOf(judged));
    }

    private static String perMinute(ResponseEffect.Side side) {
        return side.minutes() == 0 ? "0" : String.format(Locale.ROOT, "%,d", side.requests() / side.minutes());
    }
}

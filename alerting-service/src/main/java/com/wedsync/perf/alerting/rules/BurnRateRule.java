package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.event.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The multi-window, multi-burn-rate method: a page when the error budget burns 14.4× over 1 h and 5 min, or 6× over
 * 6 h and 30 min; a ticket at 3× over 1 d and 2 h, or 1× over 3 d and 6 h. Both windows of a pair must exceed, so a
 * short spike does not page and a page ends soon after the burning stops.
 */
public final class BurnRateRule {

    public record Pair(Duration longWindow, Duration shortWindow, double burnRate, Severity severity) {
    }

    /** Bad and total requests over one window. */
    public record Window(long bad, long total) {
        double ratio() {
            return total == 0 ? 0 : (double) bad / total;
        }
    }

    public static final List<Pair> PAIRS = List.of(
            new Pair(Duration.ofHours(1), Duration.ofMinutes(5), 14.4, Severity.CRITICAL),
            new Pair(Duration.ofHours(6), Duration.ofMinutes(30), 6, Severity.CRITICAL),
            new Pair(Duration.ofDays(1), Duration.ofHours(2), 3, Severity.MEDIUM),
            new Pair(Duration.ofDays(3), Duration.ofHours(6), 1, Severity.MEDIUM));

    public static final List<Duration> WINDOWS = PAIRS.stream()
            .flatMap(p -> java.util.stream.Stream.of(p.longWindow(), p.shortWindow())).distinct().sorted().toList();

    private BurnRateRule() {
    }

    /**
     * @param objective the share that must be good (e.g. 0.995), so the budget is 1 − objective
     * @param minRequests requests a long window needs before it is judged
     */
    public static Verdict evaluate(Map<Duration, Window> windows, double objective, long minRequests) {
        double budget = 1 - objective;
        for (Pair pair : PAIRS) {
            Window longer = windows.get(pair.longWindow());
            Window shorter = windows.get(pair.shortWindow());
            if (longer == null || shorter == null || longer.total() < minRequests) {
                continue;
            }
            double longBurn = longer.ratio() / budget;
            double shortBurn = shorter.ratio() / budget;
            if (longBurn > pair.burnRate() && shortBurn > pair.burnRate()) {
                return Verdict.breached(pair.severity(), pair.burnRate(), Math.min(longBurn, shortBurn),
                        String.format(Locale.ROOT, "burn rate over %s and %s", label(pair.longWindow()), label(pair.shortWindow())));
            }
        }
        Window hour = windows.get(Duration.ofHours(1));
        if (hour == null || hour.total() < minRequests) {
            return Verdict.noData();
        }
        return Verdict.clear(PAIRS.get(PAIRS.size() - 1).burnRate(), hour.ratio() / budget, "burn rate over 1h");
    }

    private static String label(Duration window) {
        return window.toDays() > 0 ? window.toDays() + "d" : window.toHours() > 0 ? window.toHours() + "h"
                : window.toMinutes() + "m";
    }
}

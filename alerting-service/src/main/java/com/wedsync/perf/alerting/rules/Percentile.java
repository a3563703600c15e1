package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.event.TrendPoint;
import java.util.Set;

/** Reads the percentile a rule names ("p75", "p95", …) from a trend point. */
final class Percentile {

    private static final Set<String> KNOWN = Set.of("p50", "p75", "p95", "p99");

    private Percentile() {
    }

    static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }

    static double of(TrendPoint point, String name) {
        return switch (name) {
            case "p50" -> point.p50();
            case "p95" -> point.p95();
            case "p99" -> point.p99();
            default -> point.p75();
        };
    }
}

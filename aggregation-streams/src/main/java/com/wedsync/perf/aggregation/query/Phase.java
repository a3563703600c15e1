package com.wedsync.perf.aggregation.query;

import java.util.Map;

/** The short name of a web-vitals sub-part, as diagnostics and advice speak of it: {@code processingDuration} → {@code processing}. */
final class Phase {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("inputDelay", "input-delay"),
            Map.entry("processingDuration", "processing"),
            Map.entry("presentationDelay", "presentation"),
            Map.entry("timeToFirstByte", "ttfb"),
            Map.entry("resourceLoadDelay", "load-delay"),
            Map.entry("resourceLoadDuration", "load"),
            Map.entry("elementRenderDelay", "render-delay"),
            Map.entry("firstByteToFCP", "first-byte-to-fcp"),
            Map.entry("waitingDuration", "waiting"),
            Map.entry("cacheDuration", "cache"),
            Map.entry("dnsDuration", "dns"),
            Map.entry("connectionDuration", "connection"),
            Map.entry("requestDuration", "request"),
            Map.entry("largestShiftTime", "shift-time"));

    private Phase() {
    }

    static String of(String part) {
        return NAMES.getOrDefault(part, part);
    }
}

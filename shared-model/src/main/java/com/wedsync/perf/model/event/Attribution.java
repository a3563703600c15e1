package com.wedsync.perf.model.event;

import com.wedsync.perf.model.route.ResourcePattern;
import com.wedsync.perf.model.route.SelectorPattern;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Why a browser measured what it did, as web-vitals' attribution build (v4–v6) or a resource timing entry tells it,
 * kept without personal data: selectors and URLs only in their kept forms ({@link SelectorPattern},
 * {@link ResourcePattern}), no text, no query, bounded lengths.
 *
 * @param target the element: INP's {@code interactionTarget}, LCP's {@code target} ({@code element} before v5),
 *               CLS's {@code largestShiftTarget}; null when the browser named none
 * @param interactionType INP's {@code pointer} or {@code keyboard}
 * @param script the longest script of INP's long animation frame, origin and path pattern
 * @param scriptInvoker that script's {@code invokerType} ({@code event-listener}, {@code user-callback}, …)
 * @param resource LCP's resource, or the resource of a resource timing entry: origin and path pattern
 * @param resourceType a resource timing entry's {@code initiatorType} ({@code img}, {@code script}, {@code css}, …)
 * @param protocol a resource timing entry's {@code nextHopProtocol} ({@code h2}, {@code h3}, {@code http/1.1})
 * @param transferSize a resource timing entry's bytes over the network, or null
 * @param parts the metric's sub-parts in ms, under web-vitals' v4+ names ({@link #PARTS})
 */
public record Attribution(String target, String interactionType, String script, String scriptInvoker, String resource,
                          String resourceType, String protocol, Double transferSize, Map<String, Double> parts) {

    /** Every sub-part kept, by metric; anything else a client sends is dropped. */
    public static final Map<String, Set<String>> PARTS = Map.of(
            "INP", Set.of("inputDelay", "processingDuration", "presentationDelay"),
            "LCP", Set.of("timeToFirstByte", "resourceLoadDelay", "resourceLoadDuration", "elementRenderDelay"),
            "CLS", Set.of("largestShiftTime"),
            "FCP", Set.of("timeToFirstByte", "firstByteToFCP"),
            "TTFB", Set.of("waitingDuration", "cacheDuration", "dnsDuration", "connectionDuration", "requestDuration"));
    static final int MAX_WORD = 32;
    static final int MAX_PARTS = 5;

    /**
     * What a record on a topic holds, as it is: only bounded. The patterns are applied once, where a beacon is read
     * ({@link #kept}); every consumer of {@code perf.rum.v1} reads many of these per second.
     */
    public Attribution {
        target = bounded(target, SelectorPattern.MAX_LENGTH);
        script = bounded(script, ResourcePattern.MAX_LENGTH);
        resource = bounded(resource, ResourcePattern.MAX_LENGTH);
        interactionType = word(interactionType);
        scriptInvoker = word(scriptInvoker);
        resourceType = word(resourceType);
        protocol = word(protocol);
        if (transferSize != null && !(transferSize >= 0 && transferSize < 1e12)) {
            transferSize = null;
        }
        parts = parts == null ? Map.of() : Map.copyOf(parts);
        if (parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException("at most " + MAX_PARTS + " sub-parts, got " + parts.size());
        }
    }

    /**
     * What may be kept of what a browser sent: selectors and URLs as their patterns ({@link SelectorPattern},
     * {@link ResourcePattern}), sub-parts only those {@link #PARTS} names for {@code metric}, with plausible values.
     */
    public static Attribution kept(String metric, String target, String interactionType, String script,
                                   String scriptInvoker, String resource, String resourceType, String protocol,
                                   Double transferSize, Map<String, Double> parts) {
        Set<String> known = metric == null ? Set.of() : PARTS.getOrDefault(metric, Set.of());
        Map<String, Double> kept = new TreeMap<>();
        if (parts != null) {
            parts.forEach((name, value) -> {
                if (known.contains(name) && value != null && value >= 0 && value < 3_600_000) {
                    kept.put(name, value);
                }
            });
        }
        return new Attribution(SelectorPattern.of(target), interactionType, ResourcePattern.of(script), scriptInvoker,
                ResourcePattern.of(resource), resourceType, protocol, transferSize, kept);
    }

    private static String bounded(String text, int length) {
        return text == null || text.isEmpty() ? null : text.length() <= length ? text : text.substring(0, length);
    }

    /** True when nothing is known. */
    public boolean isEmpty() {
        return target == null && script == null && resource == null && resourceType == null && parts.isEmpty();
    }

    /** A short lower-case word ({@code event-listener}, {@code http/1.1}), or null when it is anything else. */
    private static String word(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_WORD) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.')) {
                return null;
            }
        }
        return text;
    }
}

package com.wedsync.perf.ingest.rum;

import com.fasterxml.jackson.databind.JsonNode;
import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.vitals.Metric;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code attribution} object of web-vitals' attribution build into what is kept of it ({@link Attribution}).
 * Understands v4's names and v5+'s renames (LCP's {@code element} → {@code target}; INP's long animation frame as
 * v4's {@code longAnimationFrameEntries} or v5's {@code longestScript}) and the v3 names of the sub-parts
 * ({@code *Time} → {@code *Duration}). Anything not understood is ignored, never refused: attribution is a bonus on
 * a metric that counts anyway. DOM elements and entries other than those named here are never read.
 */
final class AttributionReader {

    /** Earlier names of sub-parts, to the v4+ name kept. */
    private static final Map<String, String> RENAMED_PARTS = Map.of(
            "resourceLoadTime", "resourceLoadDuration",
            "waitingTime", "waitingDuration",
            "dnsTime", "dnsDuration",
            "connectionTime", "connectionDuration",
            "requestTime", "requestDuration");

    private AttributionReader() {
    }

    /** What {@code attribution} says about a value of {@code metric}, or null. */
    static Attribution read(Metric metric, JsonNode attribution) {
        if (attribution == null || !attribution.isObject()) {
            return null;
        }
        Map<String, Double> parts = parts(metric, attribution);
        return switch (metric) {
            case INP -> inp(attribution, parts);
            case LCP -> Attribution.kept(metric.name(), firstText(attribution, "target", "element"), null, null, null,
                    text(attribution, "url"), null, null, null, parts);
            case CLS -> Attribution.kept(metric.name(), text(attribution, "largestShiftTarget"), null, null, null, null, null, null, null,
                    parts);
            case FID -> Attribution.kept(metric.name(), firstText(attribution, "eventTarget"), text(attribution, "eventType"), null, null,
                    null, null, null, null, parts);
            default -> parts.isEmpty() ? null : Attribution.kept(metric.name(), null, null, null, null, null, null, null, null, parts);
        };
    }

    private static Attribution inp(JsonNode attribution, Map<String, Double> parts) {
        JsonNode script = longestScript(attribution);
        return Attribution.kept(Metric.INP.name(), firstText(attribution, "interactionTarget", "eventTarget"),
                text(attribution, "interactionType"),
                script == null ? null : text(script, "sourceURL"), script == null ? null : text(script, "invokerType"),
                null, null, null, null, parts);
    }

    /** v5+: {@code longestScript.entry}; v4: the longest of the long animation frames' {@code scripts}. */
    private static JsonNode longestScript(JsonNode attribution) {
        JsonNode v5 = attribution.path("longestScript").path("entry");
        if (v5.isObject()) {
            return v5;
        }
        JsonNode frames = attribution.get("longAnimationFrameEntries");
        JsonNode longest = null;
        if (frames != null && frames.isArray()) {
            for (int f = 0; f < Math.min(frames.size(), 16); f++) {
                JsonNode scripts = frames.get(f).get("scripts");
                for (int s = 0; scripts != null && scripts.isArray() && s < Math.min(scripts.size(), 32); s++) {
                    JsonNode candidate = scripts.get(s);
                    if (candidate.path("duration").isNumber() && (longest == null
                            || candidate.path("duration").asDouble() > longest.path("duration").asDouble())) {
                        longest = candidate;
                    }
                }
            }
        }
        return longest;
    }

    private static Map<String, Double> parts(Metric metric, JsonNode attribution) {
        Set<String> known = Attribution.PARTS.getOrDefault(metric.name(), Set.of());
        Map<String, Double> parts = new HashMap<>();
        attribution.fieldNames().forEachRemaining(field -> {
            String name = RENAMED_PARTS.getOrDefault(field, field);
            JsonNode value = attribution.get(field);
            if (known.contains(name) && value.isNumber() && !parts.containsKey(name)) {
                parts.put(name, value.asDouble());
            }
        });
        return parts;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String text = text(node, field);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && value.asText().length() <= 4096 ? value.asText() : null;
    }
}

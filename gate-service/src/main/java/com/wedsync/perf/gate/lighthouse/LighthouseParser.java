package com.wedsync.perf.gate.lighthouse;

import com.wedsync.perf.gate.input.InvalidInput;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Lighthouse result as {@code lhci collect} writes it ({@code .lighthouseci/lhr-*.json}): categories' scores,
 * the numeric values of the audits the budgets use, and the resource summary. Anything else is ignored, so a full
 * several-hundred-KB report is fine; a run that Lighthouse itself reports as failed, or JSON that is not a Lighthouse
 * result, is refused with the reason.
 */
public final class LighthouseParser {

    /** The audits budgets and regressions look at. */
    public static final List<String> AUDITS = List.of("largest-contentful-paint", "total-blocking-time",
            "cumulative-layout-shift", "first-contentful-paint", "speed-index", "interactive", "total-byte-weight");

    private LighthouseParser() {
    }

    /** @param where how to name this report in an error, e.g. "lighthouse[2]" or the uploaded file's name */
    public static LighthouseRun parse(JsonNode lhr, String where) {
        if (lhr == null || !lhr.isObject()) {
            throw new InvalidInput(where, "not a JSON object");
        }
        if (!lhr.path("categories").isObject() || !lhr.path("audits").isObject()) {
            throw new InvalidInput(where, "not a Lighthouse result (no 'categories' and 'audits' objects)");
        }
        JsonNode runtimeError = lhr.path("runtimeError");
        if (runtimeError.isObject() && !runtimeError.path("code").asText("NO_ERROR").equals("NO_ERROR")) {
            throw new InvalidInput(where, "Lighthouse could not test the page: " + runtimeError.path("code").asText()
                    + " " + runtimeError.path("message").asText(""));
        }
        String url = text(lhr, "finalDisplayedUrl", text(lhr, "finalUrl", text(lhr, "requestedUrl", null)));
        if (url == null) {
            throw new InvalidInput(where, "no finalDisplayedUrl, finalUrl or requestedUrl");
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        lhr.path("categories").fields().forEachRemaining(category -> {
            JsonNode score = category.getValue().path("score");
            if (score.isNumber()) {
                scores.put(category.getKey(), Math.round(score.asDouble() * 1000) / 10.0);
            }
        });
        Map<String, Double> audits = new LinkedHashMap<>();
        for (String id : AUDITS) {
            JsonNode value = lhr.path("audits").path(id).path("numericValue");
            if (value.isNumber() && Double.isFinite(value.asDouble())) {
                audits.put(id, value.asDouble());
            }
        }
        Map<String, Double> resources = new LinkedHashMap<>();
        for (JsonNode item : lhr.path("audits").path("resource-summary").path("details").path("items")) {
            if (item.path("resourceType").isTextual() && item.path("transferSize").isNumber()) {
                resources.put(item.path("resourceType").asText(), item.path("transferSize").asDouble());
            }
        }
        if (scores.isEmpty() && audits.isEmpty()) {
            throw new InvalidInput(where, "a Lighthouse result without any category score or audit value");
        }
        return new LighthouseRun(url, formFactor(lhr, where), text(lhr, "lighthouseVersion", "unknown"), scores, audits,
                resources, LabFindingsReader.read(lhr));
    }

    /** Lighthouse 7+ says {@code configSettings.formFactor}, 6 {@code emulatedFormFactor} ({@code none}: not emulated, desktop); neither: its default, mobile. */
    private static String formFactor(JsonNode lhr, String where) {
        JsonNode settings = lhr.path("configSettings");
        String value = text(settings, "formFactor", text(settings, "emulatedFormFactor", LighthouseRun.MOBILE));
        if (value.equals("none")) {
            value = LighthouseRun.DESKTOP; // Lighthouse 6 without emulation: the desktop browser as it is
        }
        if (!value.equals(LighthouseRun.MOBILE) && !value.equals(LighthouseRun.DESKTOP)) {
            throw new InvalidInput(where, "configSettings.formFactor is '" + (value.length() > 20 ? value.substring(0, 20) + "…" : value)
                    + "'; Lighthouse tests as mobile or desktop");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : otherwise;
    }
}

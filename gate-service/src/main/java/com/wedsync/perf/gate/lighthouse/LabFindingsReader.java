package com.wedsync.perf.gate.lighthouse;

import com.wedsync.perf.model.event.LabFinding;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.route.ResourcePattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a Lighthouse result says could be faster: the performance category's audits in its opportunity and
 * diagnostic groups ({@code load-opportunities} and {@code diagnostics} up to Lighthouse 11, {@code diagnostics} in 12,
 * {@code insights} in 13) that did not pass (score below 0.9) and state a saving — per metric
 * ({@code metricSavings}, Lighthouse 10.3+), or as {@code details.overallSavingsMs}/{@code overallSavingsBytes} in older
 * reports. Audits in the hidden group repeat visible ones and are left out. Each finding keeps the item that saves
 * most as a resource pattern (never its query), and Lighthouse's title only when it is plain words.
 */
public final class LabFindingsReader {

    /** Lighthouse's own line between passing and not: 0.9 is where an audit turns green. */
    static final double PASSING_SCORE = 0.9;
    static final int MAX_TITLE = 120;

    private static final Set<String> GROUPS = Set.of("load-opportunities", "diagnostics", "insights");
    private static final Set<String> METRICS = Set.of("LCP", "FCP", "TBT", "INP", "CLS");
    /** Lighthouse up to 10.2 had one saving in milliseconds; it was what the audit gained on the load, as LCP. */
    private static final String LEGACY_METRIC = "LCP";
    private static final Pattern NOT_PLAIN = Pattern.compile("@|://|\\d{3,}");

    private LabFindingsReader() {
    }

    /** The failing audits with a saving, the largest first (milliseconds, then bytes), at most {@link LabFindings#MAX_FINDINGS}. */
    public static List<LabFinding> read(JsonNode lhr) {
        JsonNode audits = lhr.path("audits");
        List<LabFinding> findings = new ArrayList<>();
        for (JsonNode ref : lhr.path("categories").path("performance").path("auditRefs")) {
            String id = ref.path("id").asText("");
            if (!GROUPS.contains(ref.path("group").asText("")) || !audits.path(id).isObject()) {
                continue;
            }
            JsonNode audit = audits.path(id);
            JsonNode score = audit.path("score");
            if (!score.isNumber() || score.asDouble() >= PASSING_SCORE) {
                continue;
            }
            Map<String, Double> savings = metricSavings(audit);
            double bytes = nonNegative(audit.path("details").path("overallSavingsBytes"));
            if (savings.isEmpty() && bytes == 0) {
                continue;
            }
            String group = "opportunity".equals(audit.path("details").path("type").asText()) ? "opportunity" : "diagnostic";
            findings.add(new LabFinding(id, plainTitle(audit.path("title").asText(""), id), group, savings, bytes,
                    largestItem(audit.path("details").path("items"))));
        }
        findings.sort(Comparator.comparingDouble(LabFindingsReader::largestMillis).thenComparingDouble(LabFinding::savingsBytes)
                .reversed().thenComparing(LabFinding::audit));
        return findings.size() <= LabFindings.MAX_FINDINGS ? findings : List.copyOf(findings.subList(0, LabFindings.MAX_FINDINGS));
    }

    private static Map<String, Double> metricSavings(JsonNode audit) {
        Map<String, Double> savings = new LinkedHashMap<>();
        audit.path("metricSavings").fields().forEachRemaining(entry -> {
            double value = nonNegative(entry.getValue());
            if (METRICS.contains(entry.getKey()) && value > 0) {
                savings.put(entry.getKey(), value);
            }
        });
        double legacy = nonNegative(audit.path("details").path("overallSavingsMs"));
        if (!audit.path("metricSavings").isObject() && legacy > 0) {
            savings.put(LEGACY_METRIC, legacy);
        }
        return savings;
    }

    /** The item's URL that wastes most (bytes, else milliseconds), as a pattern; null when no item names a URL. */
    private static String largestItem(JsonNode items) {
        String best = null;
        double most = -1;
        for (JsonNode item : items) {
            if (!item.path("url").isTextual()) {
                continue;
            }
            double waste = Math.max(nonNegative(item.path("wastedBytes")), nonNegative(item.path("wastedMs")));
            if (waste > most) {
                String pattern = ResourcePattern.of(item.path("url").asText());
                if (pattern != null) {
                    best = pattern;
                    most = waste;
                }
            }
        }
        return best;
    }

    private static double largestMillis(LabFinding finding) {
        return finding.metricSavings().entrySet().stream().filter(e -> !"CLS".equals(e.getKey()))
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
    }

    /** Lighthouse's titles are fixed sentences; one that carries an address, a URL or a number is not kept. */
    static String plainTitle(String title, String audit) {
        String stripped = title.strip();
        return stripped.isEmpty() || stripped.length() > MAX_TITLE || NOT_PLAIN.matcher(stripped).find() ? audit : stripped;
    }

    private static double nonNegative(JsonNode value) {
        return value.isNumber() && Double.isFinite(value.asDouble()) && value.asDouble() > 0 ? value.asDouble() : 0;
    }
}

package com.wedsync.perf.model.event;

import java.util.Map;

/**
 * One Lighthouse audit that failed with a saving: what it is, what fixing it saves in the lab, and the resource that
 * saves most.
 *
 * @param audit the audit id, e.g. {@code modern-image-formats}, {@code render-blocking-resources}
 * @param title Lighthouse's title for it (plain words, bounded; the audit id when the title is not plain)
 * @param group {@code opportunity} or {@code diagnostic}, as Lighthouse's performance category groups it
 * @param metricSavings estimated savings per metric — LCP, FCP, TBT, INP in milliseconds, CLS unitless
 * @param savingsBytes transfer bytes saved, or 0
 * @param resource the item that saves most, as origin + path pattern, or null
 */
public record LabFinding(String audit, String title, String group, Map<String, Double> metricSavings,
                         double savingsBytes, String resource) {

    public LabFinding {
        Require.text(audit, "audit");
        Require.text(title, "title");
        Require.text(group, "group");
        metricSavings = metricSavings == null ? Map.of() : Map.copyOf(metricSavings);
        Require.nonNegative(savingsBytes, "savingsBytes");
    }

    public double savings(String metric) {
        return metricSavings.getOrDefault(metric, 0.0);
    }
}

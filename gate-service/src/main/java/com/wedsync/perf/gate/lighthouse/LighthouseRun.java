package com.wedsync.perf.gate.lighthouse;

import java.util.Map;
import java.util.Optional;

/**
 * What the gate reads from one Lighthouse result (LHR): the page, the category scores (0–100) and the audits'
 * numeric values (milliseconds, bytes, or the unitless layout shift).
 *
 * @param resourceBytes transfer size per resource type from {@code audits['resource-summary']}, e.g. "script"
 */
public record LighthouseRun(String url, String lighthouseVersion, Map<String, Double> scores, Map<String, Double> audits,
                            Map<String, Double> resourceBytes) {

    public Optional<Double> score(String category) {
        return Optional.ofNullable(scores.get(category));
    }

    public Optional<Double> audit(String id) {
        return Optional.ofNullable(audits.get(id));
    }
}

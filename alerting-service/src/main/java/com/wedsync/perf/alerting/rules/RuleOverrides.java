package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.slo.OperationObjectives;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.service.api.ApiException;
import java.util.List;
import java.util.Map;

/**
 * What a tenant changed through {@code PUT /v1/tenants/{id}/rules}; every field is optional and a missing one keeps
 * the default. {@code browser} replaces the thresholds of the metrics it names; {@code server} replaces the ladder;
 * {@code weddingDayLatencyMs} tightens the wedding-day latency objective of the operations it names — never loosens it
 * beyond WedSync's guarantee ({@link OperationObjectives}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleOverrides(Integer forSeconds, Integer keepFiringForSeconds, Integer minSamples,
                            String serverPercentile, Map<String, BrowserThreshold> browser, List<ServerLevel> server,
                            Map<String, Double> weddingDayLatencyMs) {

    public static final RuleOverrides NONE = new RuleOverrides(null, null, null, null, null, null, null);
    /** Operations a tenant may give an objective of its own. */
    static final int MAX_OBJECTIVES = 32;

    /** As before wedding-day objectives could be tightened. */
    public RuleOverrides(Integer forSeconds, Integer keepFiringForSeconds, Integer minSamples, String serverPercentile,
                         Map<String, BrowserThreshold> browser, List<ServerLevel> server) {
        this(forSeconds, keepFiringForSeconds, minSamples, serverPercentile, browser, server, null);
    }

    public RuleOverrides {
        requireRange(forSeconds, 60, 86_400, "forSeconds");
        requireRange(keepFiringForSeconds, 60, 86_400, "keepFiringForSeconds");
        requireRange(minSamples, 1, 1_000_000, "minSamples");
        if (serverPercentile != null && !Percentile.isKnown(serverPercentile)) {
            throw ApiException.badRequest("invalid_rules", "serverPercentile must be p50, p75, p95 or p99");
        }
        if (browser != null) {
            for (String metric : browser.keySet()) {
                if (!EffectiveRules.BROWSER_METRICS.contains(metric)) {
                    throw ApiException.badRequest("invalid_rules", "unknown browser metric '" + metric + "'; known: "
                            + EffectiveRules.BROWSER_METRICS);
                }
            }
            browser = Map.copyOf(browser);
        }
        server = server == null ? null : List.copyOf(server);
        if (weddingDayLatencyMs != null) {
            if (weddingDayLatencyMs.size() > MAX_OBJECTIVES) {
                throw ApiException.badRequest("invalid_rules", "at most " + MAX_OBJECTIVES + " wedding-day objectives");
            }
            weddingDayLatencyMs.forEach((operation, ms) -> {
                double guarantee = OperationObjectives.of(operation).latencyMs();
                if (!ServerOperations.isValidName(operation) || ms == null || !(ms > 0) || ms > guarantee) {
                    throw ApiException.badRequest("invalid_rules", "weddingDayLatencyMs of '" + operation + "' must be "
                            + "over 0 and at most WedSync's wedding-day guarantee for it, " + guarantee + " ms");
                }
            });
            weddingDayLatencyMs = Map.copyOf(weddingDayLatencyMs);
        }
    }

    private static void requireRange(Integer value, int min, int max, String name) {
        if (value != null && (value < min || value > max)) {
            throw ApiException.badRequest("invalid_rules", name + " must be between " + min + " and " + max);
        }
    }
}

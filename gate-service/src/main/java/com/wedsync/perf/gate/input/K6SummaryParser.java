package com.wedsync.perf.gate.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalDouble;

/**
 * Reads a k6 end-of-test summary: the {@code handleSummary} / {@code --summary-export} JSON of k6 ≥ 0.30, where each
 * metric has {@code values}, and the legacy export, where the values sit on the metric itself. Only values are read:
 * the legacy format's threshold booleans mean the opposite of their names (true = failed), so the gate judges
 * against its own budgets instead.
 */
public final class K6SummaryParser {

    private K6SummaryParser() {
    }

    public static LoadTestSummary parse(JsonNode summary, String where) {
        JsonNode metrics = summary == null ? null : summary.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            throw new InvalidInput(where, "not a k6 summary (no 'metrics' object)");
        }
        JsonNode duration = values(metrics.path("http_req_duration"));
        JsonNode failed = values(metrics.path("http_req_failed"));
        LoadTestSummary read = new LoadTestSummary(number(duration, "p(95)"), number(duration, "p(99)"),
                failed.has("rate") ? number(failed, "rate") : number(failed, "value"),
                number(values(metrics.path("http_reqs")), "count"));
        if (read.p95Ms().isEmpty() && read.errorRate().isEmpty()) {
            throw new InvalidInput(where, "the k6 summary has neither http_req_duration p(95) nor http_req_failed "
                    + "(add p(95) to summaryTrendStats)");
        }
        return read;
    }

    private static JsonNode values(JsonNode metric) {
        return metric.has("values") ? metric.get("values") : metric;
    }

    private static OptionalDouble number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() && Double.isFinite(value.asDouble()) ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
    }
}

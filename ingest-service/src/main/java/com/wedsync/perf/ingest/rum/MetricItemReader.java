package com.wedsync.perf.ingest.rum;

import com.wedsync.perf.ingest.api.Rejection;

import com.fasterxml.jackson.databind.JsonNode;
import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.vitals.Metric;
import java.util.function.Predicate;

/**
 * Reads one value of a beacon into a RumMetric, or says why it cannot. The server rates the value itself:
 * a client's {@code rating} and {@code delta} are ignored.
 */
final class MetricItemReader {

    /** web-vitals' navigationType: lower-case words joined by '-', up to 32 characters. */
    private static final Predicate<String> NAVIGATION_TYPE = text -> text.length() <= 32 && !text.isEmpty()
            && text.charAt(0) >= 'a' && text.charAt(0) <= 'z'
            && text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '-');
    /** A web-vitals id: printable ASCII without spaces, up to 128 characters. */
    private static final Predicate<String> METRIC_ID = text -> text.length() <= 128 && !text.isEmpty()
            && text.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);

    private final PageContext page;
    private final BeaconContext context;

    MetricItemReader(PageContext page, BeaconContext context) {
        this.page = page;
        this.context = context;
    }

    /** A web-vitals Metric object: {@code {name, value, id, navigationType, …}}. */
    RumMetric webVital(JsonNode item, String route) {
        if (!item.isObject()) {
            throw new ItemRejected("invalid_item", "must be a web-vitals metric object");
        }
        JsonNode name = item.get("name");
        Metric metric = name != null && name.isTextual() ? Metric.fromName(name.asText()).filter(Metric::isWebVital)
                .orElseThrow(() -> new ItemRejected("unknown_metric", "name '" + clip(name.asText())
                        + "' is not one of LCP, INP, CLS, FCP, TTFB, FID"))
                : failWith(new ItemRejected("unknown_metric", "name is required and must be a string"));
        String id = optionalText(item, "id", METRIC_ID);
        String navigationType = optionalText(item, "navigationType", NAVIGATION_TYPE);
        return metric(metric, item.get("value"), route, id, navigationType,
                AttributionReader.read(metric, item.get("attribution")));
    }

    /** A value of the navigation-timing breakdown, a long task or the heap. */
    RumMetric measurement(Metric metric, JsonNode value) {
        return metric(metric, value, page.route(), null, null, null);
    }

    /** A value of a resource timing entry, with what is kept of the entry. */
    RumMetric resource(Metric metric, JsonNode value, Attribution entry) {
        return metric(metric, value, page.route(), null, null, entry);
    }

    private RumMetric metric(Metric metric, JsonNode value, String route, String id, String navigationType,
                             Attribution attribution) {
        if (value == null || !value.isNumber()) {
            throw new ItemRejected("invalid_value", metric + " value must be a number");
        }
        double number = value.asDouble();
        metric.whyImplausible(number).ifPresent(reason -> {
            throw new ItemRejected("implausible_value", reason);
        });
        return RumMetric.of(context.tenant(), route, metric, number, page.device(), page.connection(),
                navigationType, id, page.release(), context.receivedAt(), attribution).withVariant(page.variant());
    }

    private static String optionalText(JsonNode item, String field, Predicate<String> format) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !format.test(node.asText())) {
            throw new ItemRejected("invalid_field", field + " must be a short string of printable characters");
        }
        return node.asText();
    }

    private static <T> T failWith(ItemRejected rejected) {
        throw rejected;
    }

    static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** One item is refused; the rest of the beacon goes on. */
    static final class ItemRejected extends RuntimeException {

        private final String code;

        ItemRejected(String code, String detail) {
            super(detail, null, false, false);
            this.code = code;
        }

        Rejection at(String where) {
            return new Rejection(where, code, getMessage());
        }
    }
}

package com.wedsync.perf.ingest.rum;

import com.wedsync.perf.ingest.api.Rejection;

import com.fasterxml.jackson.databind.JsonNode;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.ingest.rum.MetricItemReader.ItemRejected;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.route.ResourceKind;
import com.wedsync.perf.model.vitals.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the three shapes a beacon may have:
 * <ul>
 *   <li>one web-vitals Metric object, as {@code sendBeacon(url, JSON.stringify(metric))} sends it;</li>
 *   <li>an array of them;</li>
 *   <li>a page view: {@code {"page", "device", "connection", "release", "metrics": [...], "navigation": {...},
 *       "longTasks": [ms...], "resources": [{"duration", "size", "name", "initiatorType", "nextHopProtocol"}...], "jsHeap": bytes}}.</li>
 * </ul>
 * A broken body is refused whole; a broken item is refused alone and the others are kept.
 */
final class RumBeaconParser {

    static final int MAX_ITEMS = 100;
    static final double SLOW_RESOURCE_MS = 1000;
    static final double LARGE_RESOURCE_BYTES = 500 * 1024;
    static final double LARGE_IMAGE_BYTES = 200 * 1024;

    /** The navigation-timing breakdown's fields, in the order they happen. */
    private static final Map<String, Metric> NAVIGATION = Map.of(
            "dns", Metric.DNS, "connect", Metric.CONNECT, "download", Metric.DOWNLOAD,
            "domParse", Metric.DOM_PARSE, "resources", Metric.RESOURCES, "total", Metric.PAGE_LOAD);

    private final List<RumMetric> metrics = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private double scriptBytes;

    private RumBeaconParser() {
    }

    static ParsedBeacon parse(JsonNode body, BeaconContext context) {
        RumBeaconParser parser = new RumBeaconParser();
        if (body.isObject() && body.has("metrics")) {
            parser.pageView(body, context);
        } else if (body.isObject()) {
            PageContext page = PageContext.of(body, "navigationURL", context);
            parser.webVital(new MetricItemReader(page, context), body, page.route(), "$");
        } else if (body.isArray()) {
            parser.metricArray(body, context);
        } else {
            throw ApiException.badRequest("invalid_body", "the body must be a JSON object or array, not "
                    + body.getNodeType().name().toLowerCase());
        }
        return new ParsedBeacon(List.copyOf(parser.metrics), List.copyOf(parser.rejections));
    }

    private void metricArray(JsonNode array, BeaconContext context) {
        requireAtMost(array.size(), "the array");
        JsonNode first = array.size() > 0 ? array.get(0) : null;
        PageContext page = PageContext.of(first == null || !first.isObject() ? array : first, "navigationURL", context);
        MetricItemReader reader = new MetricItemReader(page, context);
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            JsonNode url = item.get("navigationURL");
            String route = url != null && url.isTextual() ? page.at(url.asText()).route() : page.route();
            webVital(reader, item, route, "[" + i + "]");
        }
    }

    private void pageView(JsonNode beacon, BeaconContext context) {
        PageContext page = PageContext.of(beacon, "page", context);
        MetricItemReader reader = new MetricItemReader(page, context);
        JsonNode vitals = array(beacon, "metrics");
        JsonNode navigation = beacon.get("navigation");
        JsonNode longTasks = array(beacon, "longTasks");
        JsonNode resources = array(beacon, "resources");
        JsonNode heap = beacon.get("jsHeap");
        requireAtMost(vitals.size() + (navigation == null ? 0 : navigation.size()) + longTasks.size()
                + resources.size() + (heap == null ? 0 : 1), "a page view");
        for (int i = 0; i < vitals.size(); i++) {
            webVital(reader, vitals.get(i), page.route(), "metrics[" + i + "]");
        }
        if (navigation != null && !navigation.isNull()) {
            if (!navigation.isObject()) {
                throw ApiException.badRequest("invalid_field", "\"navigation\" must be an object of timings in ms");
            }
            navigation.fieldNames().forEachRemaining(field -> measure(reader, NAVIGATION.get(field),
                    navigation.get(field), "navigation." + MetricItemReader.clip(field)));
        }
        for (int i = 0; i < longTasks.size(); i++) {
            measure(reader, Metric.LONG_TASK, longTasks.get(i), "longTasks[" + i + "]");
        }
        for (int i = 0; i < resources.size(); i++) {
            resource(reader, resources.get(i), "resources[" + i + "]");
        }
        if (scriptBytes > 0) {
            measure(reader, Metric.SCRIPT_BYTES, JsonNodeFactory.instance.numberNode(scriptBytes), "resources");
        }
        if (heap != null && !heap.isNull()) {
            measure(reader, Metric.JS_HEAP, heap, "jsHeap");
        }
    }

    private void webVital(MetricItemReader reader, JsonNode item, String route, String at) {
        try {
            metrics.add(reader.webVital(item, route));
        } catch (ItemRejected rejected) {
            rejections.add(rejected.at(at));
        }
    }

    private void measure(MetricItemReader reader, Metric metric, JsonNode value, String at) {
        try {
            if (metric == null) {
                throw new ItemRejected("unknown_metric", "not a navigation timing; expected one of " + NAVIGATION.keySet());
            }
            metrics.add(reader.measurement(metric, value));
        } catch (ItemRejected rejected) {
            rejections.add(rejected.at(at));
        }
    }

    /**
     * A resource counts when it was slow (> 1 s) or large (> 500 KB, an image > 200 KB). What is kept of its entry:
     * {@code initiatorType}, {@code nextHopProtocol}, the transfer size and the URL's origin and path pattern (never
     * its query). Script sizes add up to the page view's {@link Metric#SCRIPT_BYTES}.
     */
    private void resource(MetricItemReader reader, JsonNode resource, String at) {
        if (!resource.isObject()) {
            rejections.add(new Rejection(at, "invalid_item", "a resource must be {\"duration\": ms, \"size\": bytes, "
                    + "\"name\": url, \"initiatorType\": type}"));
            return;
        }
        JsonNode duration = resource.get("duration");
        JsonNode size = resource.has("size") ? resource.get("size") : resource.get("transferSize");
        Attribution entry = ResourceEntry.of(resource, size);
        ResourceKind kind = entry == null ? ResourceKind.OTHER : ResourceKind.of(entry.resourceType(), entry.resource());
        if (kind == ResourceKind.SCRIPT && size != null && size.isNumber() && size.asDouble() > 0) {
            scriptBytes += size.asDouble();
        }
        if (worthKeeping(duration, SLOW_RESOURCE_MS)) {
            resourceMetric(reader, Metric.SLOW_RESOURCE, duration, entry, at + ".duration");
        }
        if (worthKeeping(size, kind == ResourceKind.IMAGE ? LARGE_IMAGE_BYTES : LARGE_RESOURCE_BYTES)) {
            resourceMetric(reader, Metric.LARGE_RESOURCE, size, entry, at + ".size");
        }
    }

    private void resourceMetric(MetricItemReader reader, Metric metric, JsonNode value, Attribution entry, String at) {
        try {
            metrics.add(reader.resource(metric, value, entry));
        } catch (ItemRejected rejected) {
            rejections.add(rejected.at(at));
        }
    }

    /** Above the threshold, or broken (not a number, negative): either is kept or refused, never dropped silently. */
    private static boolean worthKeeping(JsonNode value, double threshold) {
        if (value == null || value.isNull()) {
            return false;
        }
        return !value.isNumber() || value.asDouble() > threshold || value.asDouble() < 0;
    }

    private static JsonNode array(JsonNode beacon, String field) {
        JsonNode node = beacon.get(field);
        if (node == null || node.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("invalid_field", "\"" + field + "\" must be an array");
        }
        return node;
    }

    private static void requireAtMost(int items, String what) {
        if (items > MAX_ITEMS) {
            throw ApiException.badRequest("too_many_items", what + " holds " + items + " items; at most " + MAX_ITEMS
                    + " per request");
        }
    }
}

package com.wedsync.perf.ingest.rum;

import com.fasterxml.jackson.databind.JsonNode;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.model.event.Arms;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.route.RouteNormalizer;
import java.util.regex.Pattern;

/**
 * The page view a beacon belongs to: its route (from the body's page URL, else the Referer; never stored raw),
 * device class, connection type, release and experiment variant ({@code checkout-v2:B}).
 */
record PageContext(String route, DeviceClass device, String connection, String release, String variant) {

    private static final Pattern CONNECTION = Pattern.compile("[a-z0-9-]{1,16}");
    private static final int MAX_URL_LENGTH = 4096;

    /** Reads the context fields of a batched beacon ({@code page, device, connection, release, variant}). */
    static PageContext of(JsonNode beacon, String pageField, BeaconContext context) {
        String page = pageUrl(beacon, pageField, context);
        DeviceClass device = DeviceClassifier.fromHint(text(beacon, "device", null))
                .orElseGet(() -> DeviceClassifier.fromUserAgent(context.userAgent()));
        return new PageContext(RouteNormalizer.normalize(page), device,
                text(beacon, "connection", CONNECTION), text(beacon, "release", Arms.RELEASE),
                text(beacon, "variant", Arms.VARIANT));
    }

    /** The same page with another URL, for arrays whose metrics each carry their own {@code navigationURL}. */
    PageContext at(String url) {
        return new PageContext(RouteNormalizer.normalize(url), device, connection, release, variant);
    }

    private static String pageUrl(JsonNode beacon, String field, BeaconContext context) {
        String page = field == null ? null : text(beacon, field, null);
        if (page == null) {
            page = context.referer();
        }
        if (page == null || page.isBlank()) {
            throw ApiException.badRequest("missing_page", "no page URL: send \"page\" in the body "
                    + "(or navigationURL in a metric) or a Referer header");
        }
        if (page.length() > MAX_URL_LENGTH) {
            throw ApiException.badRequest("invalid_field", "the page URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        return page;
    }

    private static String text(JsonNode beacon, String field, Pattern format) {
        JsonNode node = beacon.isObject() ? beacon.get(field) : null;
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || (format != null && !format.matcher(node.asText()).matches())) {
            throw ApiException.badRequest("invalid_field", "\"" + field + "\" must be "
                    + (format == null ? "a string" : "a string matching " + format.pattern()));
        }
        return node.asText();
    }
}

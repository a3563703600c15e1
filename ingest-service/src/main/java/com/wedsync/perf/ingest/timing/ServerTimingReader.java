package com.wedsync.perf.ingest.timing;

import com.fasterxml.jackson.databind.JsonNode;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.ingest.api.Rejection;
import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.event.Arms;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.route.RouteNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads server timings: one {@code {operation, route?, durationMs, status?, error?, weddingId?, release?, variant?}}
 * or an array of
 * up to 100. Bad items are refused one by one; a body that is neither is refused whole.
 */
public final class ServerTimingReader {

    static final int MAX_ITEMS = 100;
    /** A day: longer than any operation a request can wait for. */
    public static final double MAX_DURATION_MS = 24 * 60 * 60 * 1000;
    /** A wedding id as every way in for server timings accepts it (and {@code PUT /v1/weddings/{id}}). */
    public static final Pattern WEDDING_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    record Read(List<ServerTiming> timings, List<Rejection> rejections) {
    }

    private ServerTimingReader() {
    }

    static Read read(JsonNode body, String tenant, Instant receivedAt) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            if (body.size() > MAX_ITEMS) {
                throw ApiException.badRequest("too_many_items", "the array holds " + body.size()
                        + " timings; at most " + MAX_ITEMS + " per request");
            }
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw ApiException.badRequest("invalid_body", "the body must be a timing object or an array of them");
        }
        List<ServerTiming> timings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = body.isArray() ? "[" + i + "]" : "$";
            try {
                timings.add(timing(items.get(i), tenant, receivedAt));
            } catch (IllegalArgumentException e) {
                rejections.add(new Rejection(at, "invalid_timing", e.getMessage()));
            }
        }
        return new Read(timings, rejections);
    }

    private static ServerTiming timing(JsonNode item, String tenant, Instant receivedAt) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("a timing must be an object");
        }
        String operation = text(item, "operation");
        if (!ServerOperations.isValidName(operation)) {
            throw new IllegalArgumentException("operation '" + operation + "' must be lower-case words joined by _ . -"
                    + " (known: " + ServerOperations.KNOWN + ")");
        }
        JsonNode duration = item.get("durationMs");
        if (duration == null || !duration.isNumber() || !(duration.asDouble() >= 0)
                || duration.asDouble() > MAX_DURATION_MS) {
            throw new IllegalArgumentException("durationMs must be a number from 0 to " + (long) MAX_DURATION_MS);
        }
        int status = integer(item, "status", 0);
        JsonNode error = item.get("error");
        if (error != null && !error.isNull() && !error.isBoolean()) {
            throw new IllegalArgumentException("error must be true or false");
        }
        boolean failed = error != null && error.isBoolean() ? error.asBoolean() : status >= 500;
        String weddingId = text(item, "weddingId");
        if (weddingId != null && !WEDDING_ID.matcher(weddingId).matches()) {
            throw new IllegalArgumentException("weddingId must be 1-64 letters, digits, '_' or '-'");
        }
        String route = text(item, "route");
        String release = text(item, "release");
        if (release != null && !Arms.isRelease(release)) {
            throw new IllegalArgumentException("release must match " + Arms.RELEASE.pattern());
        }
        String variant = text(item, "variant");
        if (variant != null && !Arms.isVariant(variant)) {
            throw new IllegalArgumentException("variant must be an experiment and its arm, matching " + Arms.VARIANT.pattern());
        }
        return new ServerTiming(tenant, operation, route == null ? null : RouteNormalizer.normalize(route),
                duration.asDouble(), status, failed, weddingId, receivedAt, release, variant);
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node.asText();
    }

    private static int integer(JsonNode item, String field, int fallback) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return node.asInt();
    }
}

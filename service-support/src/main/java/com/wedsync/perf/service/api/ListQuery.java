package com.wedsync.perf.service.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The query parameters every listing endpoint reads the same way: {@code limit} and {@code since}. */
public final class ListQuery {

    private ListQuery() {
    }

    /** 100 when left out; a 400 outside 1–1000. */
    public static int limit(Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and 1000");
        }
        return max;
    }

    /** Null when left out; a 400 unless ISO-8601. */
    public static Instant since(String since) {
        try {
            return since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_since", "since must be an ISO-8601 instant, e.g. 2026-06-13T00:00:00Z");
        }
    }
}

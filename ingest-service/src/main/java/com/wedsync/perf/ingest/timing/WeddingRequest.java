package com.wedsync.perf.ingest.timing;

/**
 * The body of {@code PUT /v1/weddings/{id}}.
 *
 * @param ceremonyAt ISO-8601, with an offset ({@code 2026-06-13T14:00:00+01:00}) or local to {@code timeZone}
 *                   ({@code 2026-06-13T14:00})
 * @param timeZone the venue's IANA zone, e.g. {@code Europe/London}
 * @param status {@code scheduled} (default) or {@code cancelled}
 */
public record WeddingRequest(String ceremonyAt, String timeZone, Integer guestCount, Integer vendorCount, String status) {
}

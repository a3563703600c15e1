package com.wedsync.perf.model.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A wedding as the WedSync planner publishes it; the compacted {@code perf.weddings.v1} keeps the latest per id.
 * Guest and vendor counts drive the load a wedding brings.
 *
 * @param ceremonyAt the ceremony's start as an instant
 * @param timeZone the IANA zone of the venue, so "Saturday 14:00" means the couple's Saturday
 */
public record WeddingSchedule(
        String weddingId,
        String tenant,
        Instant ceremonyAt,
        String timeZone,
        int guestCount,
        int vendorCount,
        WeddingStatus status,
        Instant updatedAt) {

    public WeddingSchedule {
        Require.text(weddingId, "weddingId");
        Require.text(tenant, "tenant");
        Require.present(ceremonyAt, "ceremonyAt");
        Require.text(timeZone, "timeZone");
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + timeZone + "' is not a known zone id", e);
        }
        Require.within(guestCount, 0, 100_000, "guestCount");
        Require.within(vendorCount, 0, 10_000, "vendorCount");
        status = status == null ? WeddingStatus.SCHEDULED : status;
        Require.present(updatedAt, "updatedAt");
    }

    /** The ceremony in the venue's own time zone. */
    public ZonedDateTime localCeremonyTime() {
        return ceremonyAt.atZone(ZoneId.of(timeZone));
    }
}

package com.wedsync.perf.scaling.forecast;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The 168 hours of a week, Monday 00:00 = 0, in the zone WedSync's calendar follows. */
public final class HourOfWeek {

    public static final int SLOTS = 168;

    private HourOfWeek() {
    }

    public static int of(Instant hour, ZoneId zone) {
        ZonedDateTime local = hour.atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }
}

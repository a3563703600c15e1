package com.wedsync.perf.scaling.plan;

import com.wedsync.perf.model.event.WeddingSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How often to sample and evaluate a tenant, by how close its nearest wedding is: every 15 minutes with none within a
 * day, 5 minutes within a day, 1 minute within 6 hours or in the wedding's window, 30 seconds from 2 hours before
 * the ceremony, 10 seconds from 30 minutes before it to 3 hours after.
 */
public final class MonitoringDensity {

    private MonitoringDensity() {
    }

    /** The interval in seconds for the hour starting at {@code hour}. */
    public static int seconds(List<WeddingSchedule> weddings, Instant hour, Duration weddingAfter) {
        Instant end = hour.plus(Duration.ofHours(1));
        int interval = 900;
        for (WeddingSchedule w : weddings) {
            Instant ceremony = w.ceremonyAt();
            if (overlaps(hour, end, ceremony.minus(Duration.ofMinutes(30)), ceremony.plus(Duration.ofHours(3)))) {
                interval = Math.min(interval, 10);
            } else if (overlaps(hour, end, ceremony.minus(Duration.ofHours(2)), ceremony)) {
                interval = Math.min(interval, 30);
            } else if (overlaps(hour, end, ceremony.minus(Duration.ofHours(6)), ceremony.plus(weddingAfter))) {
                interval = Math.min(interval, 60);
            } else if (overlaps(hour, end, ceremony.minus(Duration.ofHours(24)), ceremony)) {
                interval = Math.min(interval, 300);
            }
        }
        return interval;
    }

    private static boolean overlaps(Instant from, Instant to, Instant start, Instant end) {
        return from.isBefore(end) && to.isAfter(start);
    }
}

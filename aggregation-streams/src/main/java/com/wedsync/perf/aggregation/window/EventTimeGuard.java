package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Event times checked against the wall clock. Ingest stamps {@code receivedAt} itself, so a time far ahead or far
 * behind was written by something else and is refused; a time a little ahead (another instance's clock) is clamped
 * to now, so that no record can move a watermark past the present and make every real sample late.
 */
public final class EventTimeGuard {

    /** Clocks of two healthy hosts differ by far less; beyond this a time is not a clock's error. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    /** Nothing older than the raw topics' retention can be a real record of theirs. */
    public static final Duration MAX_AGE = Topics.RAW_RETENTION;

    private EventTimeGuard() {
    }

    /** Why an event time cannot be used, or empty when it can (after {@link #clamp}). */
    public static Optional<String> whyRefused(long eventTime, long now) {
        if (eventTime > now + MAX_AHEAD.toMillis()) {
            return Optional.of("event time " + Instant.ofEpochMilli(eventTime) + " is more than " + MAX_AHEAD.toMinutes()
                    + " min ahead of the clock (" + Instant.ofEpochMilli(now) + ")");
        }
        if (eventTime < now - MAX_AGE.toMillis()) {
            return Optional.of("event time " + Instant.ofEpochMilli(eventTime) + " is older than the raw retention of "
                    + MAX_AGE.toDays() + " days");
        }
        return Optional.empty();
    }

    public static long clamp(long eventTime, long now) {
        return Math.min(eventTime, now);
    }
}

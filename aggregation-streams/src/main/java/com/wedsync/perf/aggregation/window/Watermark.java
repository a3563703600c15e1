package com.wedsync.perf.aggregation.window;

/**
 * How far event time has got on one task: the newest event time seen and, once no record has arrived for
 * {@value #IDLE_AFTER_MS} ms, that time moved on by the wall clock. Event time is ingest's receive time, so an
 * idle partition's windows still close (a quiet tenant's last minute appears). A busy or lagging partition —
 * records keep arriving — keeps strictly to the records' own times, so catching up on a backlog drops nothing.
 */
public final class Watermark {

    static final long IDLE_AFTER_MS = 1_000;

    private long streamTime = Long.MIN_VALUE;
    private long lastActivityWallTime;

    public void observe(long eventTime, long wallTime) {
        streamTime = Math.max(at(wallTime), eventTime);
        lastActivityWallTime = wallTime;
    }

    /** After a restart: state shows event time got at least this far. */
    public void seed(long eventTime, long wallTime) {
        if (eventTime > streamTime) {
            streamTime = eventTime;
            lastActivityWallTime = wallTime;
        }
    }

    public boolean isKnown() {
        return streamTime != Long.MIN_VALUE;
    }

    /** The watermark at this wall time; {@link Long#MIN_VALUE} before anything was seen. */
    public long at(long wallTime) {
        if (!isKnown()) {
            return Long.MIN_VALUE;
        }
        long idle = wallTime - lastActivityWallTime;
        return idle >= IDLE_AFTER_MS ? streamTime + idle : streamTime;
    }
}

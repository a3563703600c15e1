package com.wedsync.perf.aggregation.window;

/**
 * How far event time has got on one task: the newest event time seen and — only while the task is live, and no
 * record has arrived for {@value #IDLE_AFTER_MS} ms — that time moved on by the wall clock. Event time is ingest's
 * receive time, so an idle partition's windows still close (a quiet tenant's last minute appears).
 * Live means the newest record was at most {@value #LIVE_LAG_MS} ms old when it was processed: a task catching
 * up on a backlog pauses now and then (commits, other tasks) without being idle, and extrapolating those pauses
 * would run its watermark ahead of its records and drop them as late.
 */
public final class Watermark {

    static final long IDLE_AFTER_MS = 1_000;
    static final long LIVE_LAG_MS = 5 * 60_000;

    private long streamTime = Long.MIN_VALUE;
    private long lastActivityWallTime;
    private boolean live;

    public void observe(long eventTime, long wallTime) {
        streamTime = Math.max(at(wallTime), eventTime);
        lastActivityWallTime = wallTime;
        live = wallTime - streamTime <= LIVE_LAG_MS;
    }

    /** After a restart: state shows event time got at least this far. */
    public void seed(long eventTime, long wallTime) {
        if (eventTime > streamTime) {
            streamTime = eventTime;
            lastActivityWallTime = wallTime;
            live = wallTime - streamTime <= LIVE_LAG_MS;
        }
    }

    public boolean isKnown() {
        return streamTime != Long.MIN_VALUE;
    }

    /**
     * The watermark at this wall time; {@link Long#MIN_VALUE} before anything was seen. Never goes back: what idle
     * time added is kept, because windows may have been closed (and the watermark reported) on the strength of it.
     */
    public long at(long wallTime) {
        if (!isKnown()) {
            return Long.MIN_VALUE;
        }
        long idle = wallTime - lastActivityWallTime;
        if (live && idle >= IDLE_AFTER_MS) {
            streamTime += idle;
            lastActivityWallTime = wallTime;
        }
        return streamTime;
    }
}

package com.wedsync.perf.aggregation.window;

/**
 * How far event time has got on one task: the newest event time seen and — only while the task is live, and no
 * record has arrived for {@value #IDLE_AFTER_MS} ms — that time moved on by the wall clock. Event time is ingest's
 * receive time, so an idle partition's windows still close (a quiet tenant's last minute appears).
 * <p>
 * Live means the newest record was at most {@value #LIVE_LAG_MS} ms old when it was processed: a task catching
 * up on a backlog pauses now and then (commits, other tasks) without being idle, and extrapolating those pauses
 * would run its watermark ahead of its records and drop them as late. A task that is not live — it has just
 * (re)started, or its last records were a backlog — and gets no record for {@value #DRAINED_AFTER_MS} ms has read all
 * its partition holds: its watermark moves to the wall clock and it is live from then on. Without that, a partition
 * that goes quiet after a backlog (a restart after a long stop, a catch-up at night) would hold every owner's
 * windows open until its next record.
 */
public final class Watermark {

    static final long IDLE_AFTER_MS = 1_000;
    static final long LIVE_LAG_MS = 5 * 60_000;
    static final long DRAINED_AFTER_MS = 30_000;

    private long streamTime = Long.MIN_VALUE;
    private long lastActivityWallTime = Long.MIN_VALUE;
    private boolean live;

    /** The task starts reading at this wall time: from here on, a task that reads nothing is drained in time. */
    public void start(long wallTime) {
        if (lastActivityWallTime == Long.MIN_VALUE) {
            lastActivityWallTime = wallTime;
        }
    }

    /** A record: it is read, so the partition was not drained, whatever time passed since the last one. */
    public void observe(long eventTime, long wallTime) {
        streamTime = Math.max(live ? at(wallTime) : streamTime, eventTime);
        lastActivityWallTime = wallTime;
        live = wallTime - streamTime <= LIVE_LAG_MS;
    }

    /**
     * After a restart: state shows event time got at least this far — but not how much further, nor whether records
     * arrived while the task was down. So the task is not live: its next records say where it is, or, if none come,
     * it is drained. Taken as live, it would run on from the start of its last open minute and lag the wall clock
     * by the whole stop, holding every owner's windows back that long.
     */
    public void seed(long eventTime, long wallTime) {
        if (eventTime > streamTime) {
            streamTime = eventTime;
            lastActivityWallTime = wallTime;
            live = false;
        }
    }

    public boolean isKnown() {
        return streamTime != Long.MIN_VALUE;
    }

    /**
     * The watermark at this wall time; {@link Long#MIN_VALUE} while nothing was seen and the task has not been
     * drained yet. Never goes back: what idle time added is kept, because windows may have been closed (and the
     * watermark reported) on the strength of it.
     */
    public long at(long wallTime) {
        if (lastActivityWallTime == Long.MIN_VALUE) {
            return streamTime;
        }
        long idle = wallTime - lastActivityWallTime;
        if (live && idle >= IDLE_AFTER_MS) {
            streamTime += idle;
            lastActivityWallTime = wallTime;
        } else if (!live && idle >= DRAINED_AFTER_MS) {
            streamTime = Math.max(streamTime, wallTime);
            lastActivityWallTime = wallTime;
            live = true;
        }
        return streamTime;
    }
}

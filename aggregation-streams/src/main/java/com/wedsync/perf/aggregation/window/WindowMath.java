package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.event.Resolution;

/** Window boundaries: every window is aligned to the epoch in UTC (days run 00:00–24:00 UTC). */
public final class WindowMath {

    private WindowMath() {
    }

    public static long start(Resolution resolution, long time) {
        long size = resolution.window().toMillis();
        return Math.floorDiv(time, size) * size;
    }

    public static long end(Resolution resolution, long windowStart) {
        return windowStart + resolution.window().toMillis();
    }
}

package com.wedsync.perf.aggregation.histogram;

import com.wedsync.perf.model.event.ServerHistogram;
import com.wedsync.perf.model.event.ServerHistogram.Explicit;
import com.wedsync.perf.model.event.ServerHistogram.Exponential;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a histogram point adds to what its stream's previous point said. A delta point adds itself. A cumulative point
 * adds its difference from the previous one — after bringing the previous one's exponential buckets down to the
 * current scale, as an SDK lowers the scale when values spread — unless the stream restarted: a new start time, fewer
 * values in any bucket, a finer scale or other bounds than before, and the point counts everything since its own start.
 * A point not newer than the previous one (an exporter's retry) adds nothing.
 */
public final class HistogramDeltas {

    /** How a point relates to its stream's previous one. */
    public enum Kind { DELTA, FIRST, CONTINUED, RESTARTED, STALE }

    /** @param added the point's new values as a delta point, or null when it adds nothing */
    public record Step(Kind kind, ServerHistogram added) {
    }

    private HistogramDeltas() {
    }

    public static Step step(ServerHistogram previous, ServerHistogram current) {
        if (!current.cumulative()) {
            return new Step(Kind.DELTA, current);
        }
        if (previous == null || !previous.cumulative()) {
            return new Step(Kind.FIRST, whole(current));
        }
        if (current.timeUnixNano() <= previous.timeUnixNano()) {
            return new Step(Kind.STALE, null);
        }
        ServerHistogram difference = previous.startTimeUnixNano() == current.startTimeUnixNano()
                && current.count() >= previous.count() ? difference(previous, current) : null;
        return difference == null ? new Step(Kind.RESTARTED, whole(current)) : new Step(Kind.CONTINUED, difference);
    }

    private static ServerHistogram whole(ServerHistogram current) {
        return current.asDelta(current.startTimeUnixNano(), current.count(), current.exponential(), current.explicit());
    }

    private static ServerHistogram difference(ServerHistogram previous, ServerHistogram current) {
        if (current.exponential() != null && previous.exponential() != null) {
            Exponential delta = difference(previous.exponential(), current.exponential());
            return delta == null ? null
                    : current.asDelta(previous.timeUnixNano(), current.count() - previous.count(), delta, null);
        }
        if (current.explicit() != null && previous.explicit() != null) {
            Explicit delta = difference(previous.explicit(), current.explicit());
            return delta == null ? null
                    : current.asDelta(previous.timeUnixNano(), current.count() - previous.count(), null, delta);
        }
        return null;
    }

    private static Exponential difference(Exponential previous, Exponential current) {
        int coarsening = previous.scale() - current.scale();
        long zero = current.zeroCount() - previous.zeroCount();
        if (coarsening < 0 || zero < 0) {
            return null;
        }
        Map<Integer, Long> before = new HashMap<>();
        for (int i = 0; i < previous.counts().size(); i++) {
            long count = previous.counts().get(i);
            if (count > 0) {
                before.merge((previous.offset() + i) >> coarsening, count, Long::sum);
            }
        }
        List<Long> counts = new ArrayList<>(current.counts().size());
        for (int i = 0; i < current.counts().size(); i++) {
            long delta = current.counts().get(i) - before.getOrDefault(current.offset() + i, 0L);
            before.remove(current.offset() + i);
            if (delta < 0) {
                return null;
            }
            counts.add(delta);
        }
        return before.isEmpty() ? new Exponential(current.scale(), zero, current.zeroThreshold(), current.offset(), counts)
                : null;
    }

    private static Explicit difference(Explicit previous, Explicit current) {
        if (!previous.bounds().equals(current.bounds())) {
            return null;
        }
        List<Long> counts = new ArrayList<>(current.counts().size());
        for (int i = 0; i < current.counts().size(); i++) {
            long delta = current.counts().get(i) - previous.counts().get(i);
            if (delta < 0) {
                return null;
            }
            counts.add(delta);
        }
        return new Explicit(current.bounds(), counts);
    }
}

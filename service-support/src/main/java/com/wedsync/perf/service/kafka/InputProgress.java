package com.wedsync.perf.service.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer keeps up with its input, judged from outside: how many records wait on each partition, when its
 * committed position last moved, and whether it has stalled — input waiting and nothing consumed for longer than
 * {@code stallAfter}. Pure: fed with offsets by {@link GroupLagProbe}, so the rule is tested without a broker.
 */
public final class InputProgress {

    private final Duration stallAfter;
    private Map<TopicPartition, Long> lastPositions = Map.of();
    private Instant lastAdvancedAt;
    private volatile Snapshot snapshot;

    public InputProgress(Duration stallAfter, Instant startedAt) {
        this.stallAfter = stallAfter;
        this.lastAdvancedAt = startedAt;
        this.snapshot = new Snapshot(0, Map.of(), startedAt, null, false, "not measured yet");
    }

    /**
     * One measurement: the group's positions (committed offsets, or the partition's start when it has none) and the
     * ends a read-committed consumer can reach.
     */
    public synchronized Snapshot update(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends, Instant now) {
        if (!positions.equals(lastPositions)) {
            lastAdvancedAt = now;
            lastPositions = Map.copyOf(positions);
        }
        Map<String, Long> lagByPartition = new TreeMap<>();
        long total = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long lag = Math.max(0, end.getValue() - positions.getOrDefault(end.getKey(), 0L));
            lagByPartition.put(end.getKey().toString(), lag);
            total += lag;
        }
        Duration idle = Duration.between(lastAdvancedAt, now);
        boolean stalled = total > 0 && idle.compareTo(stallAfter) > 0;
        String reason = stalled
                ? total + " records wait on the input but nothing has been consumed for " + idle.toSeconds() + " s"
                : total > 0 ? "catching up: " + total + " records to go" : "up to date";
        snapshot = new Snapshot(total, lagByPartition, lastAdvancedAt, null, stalled, reason);
        return snapshot;
    }

    /** Reports a failed measurement (broker away): the last figures stand, the reason says why they are old. */
    public synchronized Snapshot unmeasured(String why) {
        Snapshot last = snapshot;
        snapshot = new Snapshot(last.lag(), last.lagByPartition(), last.lastAdvancedAt(), null, last.stalled(),
                "cannot measure the input: " + why);
        return snapshot;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * @param lag records waiting over all partitions
     * @param lastAdvancedAt when the group's position last moved (or the service started)
     * @param newestOutput the newest record the service has written, where it watches its output; null otherwise
     */
    public record Snapshot(long lag, Map<String, Long> lagByPartition, Instant lastAdvancedAt, Instant newestOutput,
                           boolean stalled, String reason) {

        public Snapshot withNewestOutput(Instant newest) {
            return new Snapshot(lag, lagByPartition, lastAdvancedAt, newest, stalled, reason);
        }
    }
}

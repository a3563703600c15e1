package com.wedsync.perf.aggregation;

import com.wedsync.perf.aggregation.interference.InterferenceSettings;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.topic.Topics;
import java.time.Duration;

/**
 * What the topology can be tuned by; the service builds it from configuration, tests from {@link #defaults()}.
 *
 * @param grace how long after a minute ends its samples are still accepted
 * @param inputPartitions how many partitions perf.rum.v1 (and perf.server.v1) have: the owner of a series closes a
 *        minute once that many input partitions have said they are past it
 * @param dedupeRetention how long a web-vitals id is remembered, so a later report replaces its value
 * @param minuteRetention how long 1-minute points stay queryable; likewise hour and day
 * @param namesPerPartition distinct routes (and operations) one tenant may open per day on one input partition; the
 *        rest count under {@code /:other} ({@code other}) — a bound on state behind ingest's per-instance caps; and the
 *        cumulative histogram streams one tenant may keep on a partition
 * @param idsPerTenant web-vitals ids one tenant may have remembered on one input partition
 * @param armsPerPartition distinct releases and variants one tenant may open per day on one input partition; samples
 *        of further arms still count in their page's series, only not in an arm's own (counted as overflow)
 */
public record AggregationSettings(
        Duration grace,
        int inputPartitions,
        Duration dedupeRetention,
        double relativeAccuracy,
        Duration minuteRetention,
        Duration hourRetention,
        Duration dayRetention,
        InterferenceSettings interference,
        int namesPerPartition,
        long idsPerTenant,
        int armsPerPartition) {

    /** About 7 MB of a partition's id table; 1.2 million ids a tenant over 6 partitions, 40,000 new ids a minute for 30 minutes. */
    public static final long DEFAULT_IDS_PER_TENANT = 200_000;

    /** Twice ingest's default daily cap: never reached by a tenant ingest admitted (its routes spread over 6 partitions). */
    public static final int DEFAULT_NAMES_PER_PARTITION = 2_000;

    /** A day's releases, canaries and a handful of experiments with two or three arms each. */
    public static final int DEFAULT_ARMS_PER_PARTITION = 20;

    public static AggregationSettings defaults() {
        return new AggregationSettings(Duration.ofSeconds(30), Topics.RUM.partitions(), Duration.ofMinutes(30),
                QuantileSketch.DEFAULT_RELATIVE_ACCURACY, Duration.ofDays(2), Duration.ofDays(35), Duration.ofDays(400),
                InterferenceSettings.defaults(), DEFAULT_NAMES_PER_PARTITION, DEFAULT_IDS_PER_TENANT,
                DEFAULT_ARMS_PER_PARTITION);
    }

    public AggregationSettings {
        if (inputPartitions < 1) {
            throw new IllegalArgumentException("inputPartitions must be at least 1");
        }
        if (armsPerPartition < 1) {
            throw new IllegalArgumentException("armsPerPartition must be at least 1");
        }
    }

    /** The same settings for a topology whose input topics have this many partitions (tests: 1). */
    public AggregationSettings withInputPartitions(int partitions) {
        return new AggregationSettings(grace, partitions, dedupeRetention, relativeAccuracy, minuteRetention,
                hourRetention, dayRetention, interference, namesPerPartition, idsPerTenant, armsPerPartition);
    }

    /** The same settings with another cap on the names a tenant opens per partition and day. */
    public AggregationSettings withNamesPerPartition(int names) {
        return new AggregationSettings(grace, inputPartitions, dedupeRetention, relativeAccuracy, minuteRetention,
                hourRetention, dayRetention, interference, names, idsPerTenant, armsPerPartition);
    }

    /** The same settings with another share of the id table per tenant and partition. */
    public AggregationSettings withIdsPerTenant(long ids) {
        return new AggregationSettings(grace, inputPartitions, dedupeRetention, relativeAccuracy, minuteRetention,
                hourRetention, dayRetention, interference, namesPerPartition, ids, armsPerPartition);
    }

    /** The same settings with another cap on the releases and variants a tenant opens per partition and day. */
    public AggregationSettings withArmsPerPartition(int arms) {
        return new AggregationSettings(grace, inputPartitions, dedupeRetention, relativeAccuracy, minuteRetention,
                hourRetention, dayRetention, interference, namesPerPartition, idsPerTenant, arms);
    }

    /** The watermark at which a window ending at {@code windowEnd} closes and its point is emitted. */
    public long closesAt(long windowEnd) {
        return windowEnd + grace.toMillis();
    }
}

package com.wedsync.perf.aggregation;

import com.wedsync.perf.aggregation.interference.InterferenceSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The aggregation settings from configuration ({@code aggregation.*}, each with an environment variable). */
@ConfigMapping(prefix = "aggregation")
public interface AggregationConfig {

    /** host:port where other instances reach this one; also Kafka Streams' {@code application.server}. */
    String advertisedEndpoint();

    @WithDefault("30s")
    Duration grace();

    /** Partitions of perf.rum.v1 and perf.server.v1 (the registry creates 6). */
    @WithDefault("6")
    int inputPartitions();

    @WithDefault("30m")
    Duration dedupeRetention();

    @WithDefault("0.01")
    double relativeAccuracy();

    /** Distinct routes (operations) one tenant opens per day on one input partition before /:other (other). */
    @WithDefault("2000")
    int namesPerPartition();

    /** Web-vitals ids one tenant may have remembered on one input partition (its share of the id table). */
    @WithDefault("200000")
    long idsPerTenant();

    /** Distinct releases and variants one tenant opens per day on one input partition with series of their own. */
    @WithDefault("20")
    int armsPerPartition();

    Retention retention();

    Interference interference();

    /** How long closed points stay queryable, per resolution. */
    interface Retention {
        @WithDefault("2d")
        Duration minute();

        @WithDefault("35d")
        Duration hour();

        @WithDefault("400d")
        Duration day();
    }

    interface Interference {
        @WithDefault("30")
        int lookbackMinutes();

        @WithDefault("10")
        int minHistoryMinutes();

        @WithDefault("3.0")
        double volumeRatio();

        @WithDefault("120")
        long minSpikeRequests();

        @WithDefault("1.5")
        double latencyRatio();

        @WithDefault("20")
        long minVictimRequests();

        @WithDefault("0.6")
        double minCorrelation();

        @WithDefault("20s")
        Duration evaluationDelay();
    }

    default AggregationSettings settings() {
        Interference i = interference();
        return new AggregationSettings(grace(), inputPartitions(), dedupeRetention(), relativeAccuracy(),
                retention().minute(), retention().hour(), retention().day(),
                new InterferenceSettings(i.lookbackMinutes(), i.minHistoryMinutes(), i.volumeRatio(),
                        i.minSpikeRequests(), i.latencyRatio(), i.minVictimRequests(), i.minCorrelation(),
                        i.evaluationDelay()), namesPerPartition(), idsPerTenant(), armsPerPartition());
    }
}

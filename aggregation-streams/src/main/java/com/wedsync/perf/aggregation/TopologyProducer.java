package com.wedsync.perf.aggregation;

import com.wedsync.perf.aggregation.topology.AggregationTopology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

/** Hands the pure topology, built from configuration, to the Quarkus Kafka Streams extension. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology topology(AggregationConfig config) {
        return AggregationTopology.build(config.settings());
    }
}

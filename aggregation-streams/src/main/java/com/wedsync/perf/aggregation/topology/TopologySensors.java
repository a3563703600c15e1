package com.wedsync.perf.aggregation.topology;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Counters of what the topology drops, as Kafka Streams metrics (group {@value #GROUP}), so they appear in
 * {@code KafkaStreams.metrics()} and on /q/metrics: {@code late-samples-total}, {@code late-updates-total},
 * {@code late-partials-total}, {@code overflow-samples-total} (counted under /:other or other by the per-partition cap).
 */
final class TopologySensors {

    static final String SCOPE = "perf-aggregation";
    static final String GROUP = "stream-" + SCOPE + "-metrics";

    private TopologySensors() {
    }

    static Sensor counter(ProcessingContext context, String name) {
        return context.metrics().addRateTotalSensor(SCOPE, "task-" + context.taskId(), name,
                Sensor.RecordingLevel.INFO);
    }
}

package com.wedsync.perf.aggregation.wedding;

import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.serde.JsonSerde;
import com.wedsync.perf.model.slo.OperationObjective;
import com.wedsync.perf.model.slo.OperationObjectives;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;

/**
 * One minute of one wedding's server timings, per operation: exact counts of the requests, those within the
 * operation's wedding-day latency objective, the failed ones, and the good ones (succeeded within the objective).
 * Bounded: at most {@value #MAX_OPERATIONS} operations, the rest counted as {@link ServerOperations#OVERFLOW}.
 */
public record WeddingMinute(long ceremonyAt, Map<String, Counts> operations) {

    public static final int MAX_OPERATIONS = 32;
    public static final Serde<WeddingMinute> SERDE = JsonSerde.of(WeddingMinute.class);

    /** @param good succeeded within the latency objective; {@code withinLatency} counts failed ones too */
    public record Counts(long requests, long withinLatency, long errors, long good) {

        Counts plus(boolean within, boolean error, long times) {
            return new Counts(requests + times, withinLatency + (within ? times : 0), errors + (error ? times : 0),
                    good + (within && !error ? times : 0));
        }

        Counts plus(Counts other) {
            return new Counts(requests + other.requests, withinLatency + other.withinLatency, errors + other.errors,
                    good + other.good);
        }
    }

    public WeddingMinute {
        operations = operations == null ? Map.of() : Map.copyOf(operations);
    }

    public static WeddingMinute empty() {
        return new WeddingMinute(0, Map.of());
    }

    public WeddingMinute plus(WeddingTiming timing) {
        String operation = operations.containsKey(timing.operation()) || operations.size() < MAX_OPERATIONS
                ? timing.operation() : ServerOperations.OVERFLOW;
        OperationObjective objective = OperationObjectives.of(operation);
        Map<String, Counts> counted = new TreeMap<>(operations);
        counted.merge(operation, new Counts(0, 0, 0, 0).plus(timing.durationMs() <= objective.latencyMs(), timing.error(),
                        timing.requests()),
                Counts::plus);
        return new WeddingMinute(timing.ceremonyAt(), counted);
    }
}

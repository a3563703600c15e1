package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.slo.OperationObjective;
import com.wedsync.perf.model.slo.OperationObjectives;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's operations (or, for ops, every tenant's, per operation) against their wedding-day objectives over a
 * window: how many requests were within the latency objective — from the trend sketches, so to their accuracy
 * (1 %) — and failed, and how much of each budget is left. A budget left of 1.0 is untouched, 0 spent, below 0
 * overspent.
 */
public record SloView(String tenant, Instant from, Instant to, double relativeAccuracy, List<ObjectiveView> objectives) {

    /**
     * @param tenant the tenant, or {@code *} for the platform (every tenant's requests of the operation)
     * @param latencyAttainment the share of requests within the latency objective, null without requests
     * @param latencyBudgetLeft 1 − (requests over the objective / those the percentile allows over it)
     * @param errorBudgetLeft 1 − (failed requests / those the error objective allows)
     */
    public record ObjectiveView(String tenant, String operation, OperationObjective objective, long requests,
                                long withinLatency, long errors, Double latencyAttainment, Double latencyBudgetLeft,
                                Double availability, Double errorBudgetLeft) {
    }

    /** @param platform true: merged per operation across tenants, under tenant {@code *} */
    static SloView of(String tenant, Instant from, Instant to, List<OperationPartial> partials, boolean platform) {
        Map<String, QuantileSketch> sketches = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        for (OperationPartial partial : partials) {
            String key = (platform ? "*" : partial.tenant()) + " " + partial.operation();
            QuantileSketch part = SketchCodec.decode(partial.sketch());
            sketches.merge(key, part, (a, b) -> {
                a.merge(b);
                return a;
            });
            errors.merge(key, partial.errors(), Long::sum);
        }
        List<ObjectiveView> objectives = new ArrayList<>();
        double accuracy = QuantileSketch.DEFAULT_RELATIVE_ACCURACY;
        for (Map.Entry<String, QuantileSketch> entry : sketches.entrySet()) {
            int space = entry.getKey().indexOf(' ');
            String operation = entry.getKey().substring(space + 1);
            OperationObjective objective = OperationObjectives.of(operation);
            QuantileSketch sketch = entry.getValue();
            accuracy = sketch.relativeAccuracy();
            long requests = sketch.count();
            long within = requests - sketch.countAbove(objective.latencyMs());
            long failed = errors.get(entry.getKey());
            objectives.add(new ObjectiveView(entry.getKey().substring(0, space), operation, objective, requests, within,
                    failed, share(within, requests), left(requests - within, requests, 1 - objective.latencyTarget()),
                    share(requests - failed, requests), left(failed, requests, objective.errorRate())));
        }
        return new SloView(platform ? "*" : tenant, from, to, accuracy, objectives);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static Double left(long bad, long requests, double allowedShare) {
        return requests == 0 ? null : round(1 - bad / (allowedShare * requests));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

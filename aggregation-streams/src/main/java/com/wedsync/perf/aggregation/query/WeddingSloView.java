package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.wedding.WeddingMinute;
import com.wedsync.perf.model.slo.OperationObjective;
import com.wedsync.perf.model.slo.OperationObjectives;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/**
 * How one wedding's operations met their wedding-day objectives, minute by minute and over the window so far.
 * A request is <em>good</em> when it succeeded within the latency objective; the latency objective allows
 * {@code 1 − target} of requests not to be (5 % for p95), the availability objective allows its error rate (0.1 %).
 * A budget spent of 1.0 is all of it; a burn rate of 1.0 spends it exactly over the window, 14 would spend a day's
 * in under two hours.
 */
public record WeddingSloView(String tenant, String weddingId, Instant ceremonyAt, Instant from, Instant to,
                             List<OperationView> operations) {

    /**
     * @param attainment good requests over all requests, null without requests
     * @param latencyBudgetSpent the requests that were not good over those the objective allows not to be
     * @param availability succeeded requests over all requests
     * @param errorBudgetSpent failed requests over those the availability objective allows
     */
    public record OperationView(String operation, OperationObjective objective, long requests, long good, long errors,
                                Double attainment, Double latencyBudgetSpent, Double availability, Double errorBudgetSpent,
                                List<MinuteView> minutes) {
    }

    /** @param burnRate how fast the minute spent the latency budget; {@code errorBurnRate} the availability budget */
    public record MinuteView(Instant windowStart, long requests, long good, long errors, Double attainment,
                             Double burnRate, Double errorBurnRate) {
    }

    /** From the wedding's minutes (window start → counts), in time order. */
    static WeddingSloView of(String tenant, String weddingId, Instant ceremonyAt, Instant from, Instant to,
                             List<KeyValue<Long, WeddingMinute>> minutes) {
        Map<String, List<KeyValue<Long, WeddingMinute.Counts>>> byOperation = new TreeMap<>();
        for (KeyValue<Long, WeddingMinute> minute : minutes) {
            minute.value.operations().forEach((operation, counts) ->
                    byOperation.computeIfAbsent(operation, o -> new ArrayList<>()).add(KeyValue.pair(minute.key, counts)));
        }
        List<OperationView> operations = new ArrayList<>();
        byOperation.forEach((operation, counted) -> operations.add(operation(operation, counted)));
        return new WeddingSloView(tenant, weddingId, ceremonyAt, from, to, operations);
    }

    private static OperationView operation(String operation, List<KeyValue<Long, WeddingMinute.Counts>> counted) {
        OperationObjective objective = OperationObjectives.of(operation);
        double latencyAllowance = 1 - objective.latencyTarget();
        long requests = 0;
        long good = 0;
        long errors = 0;
        List<MinuteView> minutes = new ArrayList<>();
        for (KeyValue<Long, WeddingMinute.Counts> minute : counted) {
            WeddingMinute.Counts counts = minute.value;
            requests += counts.requests();
            good += counts.good();
            errors += counts.errors();
            minutes.add(new MinuteView(Instant.ofEpochMilli(minute.key), counts.requests(), counts.good(), counts.errors(),
                    share(counts.good(), counts.requests()), spent(counts.requests() - counts.good(), counts.requests(),
                    latencyAllowance), spent(counts.errors(), counts.requests(), objective.errorRate())));
        }
        Double availability = share(requests - errors, requests);
        return new OperationView(operation, objective, requests, good, errors, share(good, requests),
                spent(requests - good, requests, latencyAllowance), availability,
                spent(errors, requests, objective.errorRate()), minutes);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    /** What share of its allowance {@code bad} of {@code requests} used. */
    private static Double spent(long bad, long requests, double allowedShare) {
        return requests == 0 ? null : round((double) bad / (allowedShare * requests));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

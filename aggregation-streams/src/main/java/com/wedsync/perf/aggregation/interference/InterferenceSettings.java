package com.wedsync.perf.aggregation.interference;

import java.time.Duration;

/**
 * When one tenant's load counts as hurting others. Defaults (explained in the README): a tenant whose requests in
 * a minute reach 3× its own average over the last 30 minutes (and at least 120), while another tenant —
 * not itself busier than usual — is at 1.5× its usual p95 with at least 20 requests, and the first one's volume
 * correlates with the second one's p95 at 0.6 or more over those 30 minutes.
 *
 * @param lookbackMinutes how many minutes baselines and correlations are computed over
 * @param minHistoryMinutes the fewest minutes of history a tenant needs before it is judged either way
 * @param volumeRatio how many times its baseline volume makes a tenant a suspect
 * @param minSpikeRequests the fewest requests in a minute that can be a spike
 * @param latencyRatio how many times its baseline p95 makes a tenant a victim
 * @param minVictimRequests the fewest requests a victim needs in the minute for its p95 to mean anything
 * @param minCorrelation the least Pearson correlation between suspect volume and victim p95
 * @param evaluationDelay how long after a minute's points arrive it is judged (points of all tenants arrive together)
 */
public record InterferenceSettings(int lookbackMinutes, int minHistoryMinutes, double volumeRatio,
                                   long minSpikeRequests, double latencyRatio, long minVictimRequests,
                                   double minCorrelation, Duration evaluationDelay) {

    public InterferenceSettings {
        if (lookbackMinutes < 3 || minHistoryMinutes < 2 || minHistoryMinutes > lookbackMinutes) {
            throw new IllegalArgumentException("need 3 <= lookback and 2 <= min history <= lookback minutes");
        }
        if (volumeRatio <= 1 || latencyRatio <= 1) {
            throw new IllegalArgumentException("volume and latency ratios must be above 1");
        }
    }

    public static InterferenceSettings defaults() {
        return new InterferenceSettings(30, 10, 3.0, 120, 1.5, 20, 0.6, Duration.ofSeconds(20));
    }
}

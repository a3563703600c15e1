package com.wedsync.perf.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Why a wedding's operations are judged per closed minute and not per 10 seconds (docs/alerting-service.md
 * "Evaluation resolution"), computed exactly: a window's p95 is over the objective when more than 5 % of its requests
 * are slow (binomial), an alert needs {@code m} breaching windows in a row, and it is seen once the last of them has
 * closed plus the aggregation's grace for late records. Healthy service: 2 % of requests slower than the objective
 * (its p95 comfortably inside); degraded: 30 %.
 */
class EvaluationResolutionTest {

    private static final double HEALTHY_SLOW_SHARE = 0.02;
    private static final double DEGRADED_SLOW_SHARE = 0.30;
    private static final double GRACE_SECONDS = 30;

    /** What a window length and a run length cost: false alerts per hour of healthy traffic, and time to detect. */
    record Cost(int windowSeconds, int run, double requestsPerSecond, double falseAlertsPerHour, double missedPerHour,
                double detectionSeconds) {
    }

    @Test
    void shouldShowTenSecondWindowsPageFarMoreOftenOnAHealthyCeremonyThanMinutes() {
        System.out.println("[resolution] window, run, requests/s: false alerts per healthy hour, detection of a 30 % slow share");
        for (double rate : new double[] {1, 2, 5, 20}) {
            Cost minute = cost(60, 2, rate);
            Cost fast = cost(10, 2, rate);
            Cost steady = cost(10, 7, rate);
            for (Cost c : new Cost[] {minute, fast, steady}) {
                System.out.printf(Locale.ROOT, "[resolution] %2d s × %d, %4.0f/s: %8.3f false alerts/h, detected after %3.0f s%n",
                        c.windowSeconds(), c.run(), c.requestsPerSecond(), c.falseAlertsPerHour(), c.detectionSeconds());
            }
            if (rate <= 5) {
                assertThat(fast.falseAlertsPerHour()).as("10 s windows, 2 in a row, at %.0f requests/s", rate)
                        .isGreaterThan(10 * minute.falseAlertsPerHour());
            }
            assertThat(steady.detectionSeconds()).as("as quiet as minutes, 10 s windows gain under 30 s at %.0f/s", rate)
                    .isGreaterThan(minute.detectionSeconds() - 30);
        }
        assertThat(cost(60, 2, 2).falseAlertsPerHour()).as("minutes at 2 requests/s: under one false page in 10 hours")
                .isLessThan(0.1);
        assertThat(cost(10, 2, 2).falseAlertsPerHour()).as("10 s windows at 2 requests/s: more than one an hour")
                .isGreaterThan(1);
    }

    static Cost cost(int windowSeconds, int run, double requestsPerSecond) {
        int n = (int) Math.round(windowSeconds * requestsPerSecond);
        double healthyBreach = breachProbability(n, HEALTHY_SLOW_SHARE);
        double windowsPerHour = 3600.0 / windowSeconds;
        // A false alert starts where a run of `run` breaching windows begins after a clear one.
        double falseAlerts = windowsPerHour * (1 - healthyBreach) * Math.pow(healthyBreach, run);
        double degradedBreach = breachProbability(n, DEGRADED_SLOW_SHARE);
        // From the onset (mid-window on average) until `run` windows have breached and the last one has closed.
        double expectedWindows = expectedWindowsUntilRun(degradedBreach, run);
        double detection = windowSeconds / 2.0 + (expectedWindows - 1) * windowSeconds + GRACE_SECONDS;
        return new Cost(windowSeconds, run, requestsPerSecond, falseAlerts, 0, detection);
    }

    /** The observed p95 of {@code n} requests is over the objective: fewer than ⌈0.95 n⌉ of them within it. */
    static double breachProbability(int n, double slowShare) {
        int slowNeeded = n - (int) Math.ceil(0.95 * n) + 1;
        double p = 0;
        for (int slow = slowNeeded; slow <= n; slow++) {
            p += Math.exp(logChoose(n, slow) + slow * Math.log(slowShare) + (n - slow) * Math.log1p(-slowShare));
        }
        return Math.min(1, p);
    }

    /** Expected number of windows until {@code run} breaching ones in a row (a success run of length r). */
    static double expectedWindowsUntilRun(double q, int run) {
        if (q >= 1 - 1e-12) {
            return run;
        }
        return (1 - Math.pow(q, run)) / ((1 - q) * Math.pow(q, run));
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }
}

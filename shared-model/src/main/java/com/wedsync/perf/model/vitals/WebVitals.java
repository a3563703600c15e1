package com.wedsync.perf.model.vitals;

/** The server's own rating of a value; a client's {@code rating} field is never trusted. */
public final class WebVitals {

    private WebVitals() {
    }

    /**
     * Rates a Web Vitals value by the public thresholds.
     *
     * @throws IllegalArgumentException for a metric without public thresholds (navigation timing, heap, …)
     */
    public static Rating rating(Metric metric, double value) {
        return metric.thresholds()
                .orElseThrow(() -> new IllegalArgumentException(metric + " has no public thresholds"))
                .rate(value);
    }
}

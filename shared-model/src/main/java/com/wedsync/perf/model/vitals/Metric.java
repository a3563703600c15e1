package com.wedsync.perf.model.vitals;

import java.util.Optional;

/**
 * Everything a browser reports: the Core Web Vitals (rated by the public thresholds at p75), the
 * navigation-timing breakdown, long tasks, slow and large resources and JS heap use.
 * Each metric knows its unit and the largest value that can physically happen.
 */
public enum Metric {
    LCP("Largest Contentful Paint", Unit.MILLISECONDS, new Thresholds(2500, 4000)),
    INP("Interaction to Next Paint", Unit.MILLISECONDS, new Thresholds(200, 500)),
    CLS("Cumulative Layout Shift", Unit.UNITLESS, new Thresholds(0.1, 0.25)),
    FCP("First Contentful Paint", Unit.MILLISECONDS, new Thresholds(1800, 3000)),
    TTFB("Time to First Byte", Unit.MILLISECONDS, new Thresholds(800, 1800)),
    /** Reported by legacy clients only (web-vitals before v4). */
    FID("First Input Delay", Unit.MILLISECONDS, new Thresholds(100, 300)),

    DNS("DNS lookup", Unit.MILLISECONDS, null),
    CONNECT("TCP and TLS connect", Unit.MILLISECONDS, null),
    DOWNLOAD("Response download", Unit.MILLISECONDS, null),
    DOM_PARSE("DOM parsing", Unit.MILLISECONDS, null),
    RESOURCES("Subresource loading", Unit.MILLISECONDS, null),
    PAGE_LOAD("Total page load", Unit.MILLISECONDS, null),
    /** A main-thread task over 50 ms; the value is its duration. */
    LONG_TASK("Long task", Unit.MILLISECONDS, null),
    /** A resource that took more than 1 s; the value is its duration. */
    SLOW_RESOURCE("Slow resource", Unit.MILLISECONDS, null),
    /** A resource larger than 500 KB, or an image larger than 200 KB; the value is its transfer size. */
    LARGE_RESOURCE("Large resource", Unit.BYTES, null),
    /** The JavaScript one page view downloaded: the transfer sizes of its script resources, summed. */
    SCRIPT_BYTES("JavaScript per page view", Unit.BYTES, null),
    JS_HEAP("JS heap used", Unit.BYTES, null);

    /** Nothing a page does takes longer than ten minutes and is still one page view. */
    static final double MAX_DURATION_MS = 10 * 60 * 1000;
    /** Layout shift scores sum per session window; 100 is far beyond any real page. */
    static final double MAX_LAYOUT_SHIFT = 100;
    /** 16 GiB: more than any browser's heap limit or any single resource a page loads. */
    static final double MAX_BYTES = 16L * 1024 * 1024 * 1024;

    private final String title;
    private final Unit unit;
    private final Thresholds thresholds;

    Metric(String title, Unit unit, Thresholds thresholds) {
        this.title = title;
        this.unit = unit;
        this.thresholds = thresholds;
    }

    public String title() {
        return title;
    }

    public Unit unit() {
        return unit;
    }

    /** The public thresholds, present for the Web Vitals only. */
    public Optional<Thresholds> thresholds() {
        return Optional.ofNullable(thresholds);
    }

    public boolean isWebVital() {
        return thresholds != null;
    }

    /** The largest value that can really happen; anything above it is a broken or hostile client. */
    public double upperBound() {
        return switch (unit) {
            case MILLISECONDS -> MAX_DURATION_MS;
            case UNITLESS -> MAX_LAYOUT_SHIFT;
            case BYTES -> MAX_BYTES;
        };
    }

    public boolean isPlausible(double value) {
        return whyImplausible(value).isEmpty();
    }

    /** Why a value cannot be real for this metric, or empty when it can. */
    public Optional<String> whyImplausible(double value) {
        if (!Double.isFinite(value)) {
            return Optional.of(name() + " value " + value + " is not a finite number");
        }
        if (value < 0) {
            return Optional.of(name() + " value " + value + " is negative");
        }
        if (value > upperBound()) {
            return Optional.of(name() + " value " + value + " exceeds the largest plausible "
                    + (long) upperBound() + (unit.symbol().isEmpty() ? "" : " " + unit.symbol()));
        }
        return Optional.empty();
    }

    /** Parses a metric name as web-vitals sends it ("LCP", "INP", …), ignoring case. */
    public static Optional<Metric> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Metric metric : values()) {
            if (metric.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}

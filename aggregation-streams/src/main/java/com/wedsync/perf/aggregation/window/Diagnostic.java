package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.vitals.Metric;
import java.util.Map;

/**
 * What one sample says about why it was what it was, reduced to what the page's cause table counts: the cause
 * (a selector for INP, LCP, CLS and FID; the resource pattern for slow and large resources), a detail (INP's longest
 * script and its invoker, LCP's resource, a resource's type) and the sub-parts.
 */
public record Diagnostic(String cause, String detail, Map<String, Double> parts) {

    /** The diagnostic of a metric's attribution, or null when it names no cause and no sub-part. */
    public static Diagnostic of(Metric metric, Attribution attribution) {
        if (attribution == null) {
            return null;
        }
        String cause;
        String detail;
        switch (metric) {
            case INP -> {
                cause = attribution.target();
                detail = attribution.script() == null ? null : attribution.script()
                        + (attribution.scriptInvoker() == null ? "" : " (" + attribution.scriptInvoker() + ")");
            }
            case LCP -> {
                cause = attribution.target();
                detail = attribution.resource();
            }
            case SLOW_RESOURCE, LARGE_RESOURCE -> {
                cause = attribution.resource();
                detail = attribution.resourceType() == null ? null : attribution.resourceType()
                        + (attribution.protocol() == null ? "" : " " + attribution.protocol());
            }
            default -> {
                cause = attribution.target();
                detail = null;
            }
        }
        if (cause == null && attribution.parts().isEmpty()) {
            return null;
        }
        return new Diagnostic(cause, detail, attribution.parts());
    }
}

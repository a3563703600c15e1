package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.vitals.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one sample says about why it was what it was, reduced to what the page's cause table counts: the cause
 * (a selector for INP, LCP, CLS and FID; the resource pattern for slow and large resources), a detail (INP's longest
 * script and its invoker, LCP's resource, a resource's type) and the sub-parts, by slot of {@link #partNames}
 * ({@code NaN} where the browser sent none): arrays, because every sample of a page adds them to two tables.
 */
public record Diagnostic(String cause, String detail, String[] partNames, double[] parts) {

    private static final String[] NO_PARTS = new String[0];
    /** Each metric's sub-parts in a fixed order: the slots of {@link #parts}. */
    private static final Map<String, String[]> SLOTS = slots();

    /** The diagnostic of a metric's attribution, or null when it names no cause and no sub-part. */
    public static Diagnostic of(Metric metric, Attribution attribution) {
        if (attribution == null) {
            return null;
        }
        String cause;
        String detail;
        switch (metric) {
            case INP -> {
                detail = attribution.script() == null ? null : attribution.script()
                        + (attribution.scriptInvoker() == null ? "" : " (" + attribution.scriptInvoker() + ")");
                // web-vitals leaves the target out when the page is hidden before it saw the event's element (a
                // click followed at once by leaving): the longest script still says where the time went.
                cause = attribution.target() != null ? attribution.target() : attribution.script();
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
        String[] names = SLOTS.getOrDefault(metric.name(), NO_PARTS);
        double[] parts = new double[names.length];
        boolean anyPart = false;
        for (int slot = 0; slot < names.length; slot++) {
            Double value = attribution.parts().get(names[slot]);
            parts[slot] = value == null ? Double.NaN : value;
            anyPart |= value != null;
        }
        if (cause == null && !anyPart) {
            return null;
        }
        return new Diagnostic(cause, detail, names, parts);
    }

    /** A diagnostic with the sub-parts given by name (tests). */
    public static Diagnostic of(String cause, String detail, Map<String, Double> parts) {
        String[] names = new TreeSet<>(parts.keySet()).toArray(String[]::new);
        return new Diagnostic(cause, detail, names, Arrays.stream(names).mapToDouble(parts::get).toArray());
    }

    private static Map<String, String[]> slots() {
        Map<String, String[]> slots = new java.util.HashMap<>();
        Attribution.PARTS.forEach((metric, names) -> slots.put(metric, List.copyOf(new TreeSet<>(names)).toArray(String[]::new)));
        return Map.copyOf(slots);
    }
}

package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.vitals.Metric;
import java.util.Map;

/**
 * What the advice for one route is drawn from, over a window of {@code days} days.
 *
 * @param inpPoor the route's poor INP over the window (all devices), {@code lcpPoor} its poor LCP
 * @param scriptBytes the distribution of JavaScript bytes per page view ({@code SCRIPT_BYTES})
 * @param inp the causes of its INP, {@code lcp} of its LCP, {@code ttfb} its TTFB sub-parts, {@code largeResources}
 *            its resources over the size limits
 * @param field the route's distribution of each rated metric over the window (all devices), for weighing lab savings
 * @param lab the newest base-branch Lighthouse findings of the route, or null
 */
record PageEvidence(String route, double days, long inpPoor, long lcpPoor, QuantileSketch scriptBytes,
                    DiagnosisView inp, DiagnosisView lcp, DiagnosisView ttfb, DiagnosisView largeResources,
                    Map<Metric, QuantileSketch> field, LabFindings lab) {

    PageEvidence {
        field = field == null ? Map.of() : Map.copyOf(field);
    }
}

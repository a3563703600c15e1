package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.sketch.QuantileSketch;

/**
 * What the advice for one route is drawn from, over a window of {@code days} days.
 *
 * @param inpPoor the route's poor INP over the window (all devices), {@code lcpPoor} its poor LCP
 * @param scriptBytes the distribution of JavaScript bytes per page view ({@code SCRIPT_BYTES})
 * @param inp the causes of its INP, {@code lcp} of its LCP, {@code ttfb} its TTFB sub-parts, {@code largeResources}
 *            its resources over the size limits
 */
record PageEvidence(String route, double days, long inpPoor, long lcpPoor, QuantileSketch scriptBytes,
                    DiagnosisView inp, DiagnosisView lcp, DiagnosisView ttfb, DiagnosisView largeResources) {
}

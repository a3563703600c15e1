package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.event.Diagnosis;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/diagnostics}: why one page's metric was what it was over a window — its causes, heaviest first, each
 * with its share of the poor experiences, its p75 and the sub-part that dominates it, and the median of every
 * sub-part of the page.
 *
 * @param samples samples that came with attribution; {@code poor} those rated poor
 * @param parts the median of each sub-part (ms), by its web-vitals name
 */
public record DiagnosisView(String tenant, String route, String metric, String device, Instant from, Instant to,
                            long samples, long poor, Map<String, Double> parts, List<CauseView> causes) {

    /**
     * One cause.
     *
     * @param share its share of the page's poor experiences (of all its experiences, for metrics without thresholds):
     *              a lower bound; {@code shareUpTo} the upper bound the summary guarantees
     * @param phase the sub-part that took the most of this cause's time ({@link Phase}), null when none was sent
     * @param partMeans the mean of each sub-part over this cause's samples (ms)
     * @param detail what this cause's samples named most often: INP's longest script and its invoker, LCP's resource,
     *               a resource's type and protocol
     */
    public record CauseView(String cause, double share, double shareUpTo, long samples, long poor, double p75,
                            String phase, Map<String, Double> partMeans, String detail) {
    }

    static DiagnosisView of(String tenant, String route, String metric, String device, Instant from, Instant to,
                            Diagnosis diagnosis) {
        if (diagnosis == null) {
            return new DiagnosisView(tenant, route, metric, device, from, to, 0, 0, Map.of(), List.of());
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        diagnosis.parts().forEach((name, sketch) -> medians.put(name, round(SketchCodec.decode(sketch).quantile(0.5))));
        boolean rated = diagnosis.poor() > 0;
        List<CauseView> causes = diagnosis.causes().stream()
                .map(cause -> cause(cause, rated ? diagnosis.poor() : diagnosis.samples(), rated))
                .filter(cause -> cause.share() > 0 || cause.samples() > 0)
                .sorted(Comparator.comparingDouble(CauseView::share).reversed())
                .toList();
        return new DiagnosisView(tenant, route, metric, device, from, to, diagnosis.samples(), diagnosis.poor(), medians,
                causes);
    }

    private static CauseView cause(Diagnosis.Cause cause, long total, boolean rated) {
        long counted = rated ? cause.poor() : cause.count();
        double share = total == 0 ? 0 : (double) counted / total;
        double upTo = total == 0 ? 0 : Math.min(1, (double) (counted + cause.overcount()) / total);
        QuantileSketch values = SketchCodec.decode(cause.sketch());
        Map<String, Double> means = new LinkedHashMap<>();
        cause.partSums().forEach((name, sum) -> means.put(name, cause.count() == 0 ? 0 : round(sum / cause.count())));
        String phase = means.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> Phase.of(e.getKey()))
                .orElse(null);
        return new CauseView(cause.cause(), round4(share), round4(upTo), cause.count(), cause.poor(),
                values.count() == 0 ? 0 : round(values.quantile(0.75)), phase, means, cause.detail());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

package com.wedsync.perf.gate.regression;

import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import com.wedsync.perf.model.event.LabFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which Lighthouse opportunities grew against the baseline, page by page (a URL as one form factor): the saving of
 * each failing audit in the representative run (median performance score) of this build against the baseline's.
 * Growth counts from 10 KB, 50 ms or 0.05 CLS — the page advice's thresholds for a lab finding worth acting on — so
 * run-to-run jitter of a few bytes is not reported.
 */
public final class OpportunityGrowth {

    static final double MIN_BYTES = 10_000;
    static final double MIN_MILLIS = 50;
    static final double MIN_CLS = 0.05;

    private OpportunityGrowth() {
    }

    /** The grown ones, the largest byte growth first, then the largest time growth. */
    public static List<GrownOpportunity> between(List<LighthouseRun> candidate, List<LighthouseRun> baseline) {
        Map<String, List<LighthouseRun>> before = baseline.stream().collect(Collectors.groupingBy(LighthouseRun::page));
        Map<String, List<LighthouseRun>> now = candidate.stream().collect(Collectors.groupingBy(LighthouseRun::page));
        List<GrownOpportunity> grown = new ArrayList<>();
        now.keySet().stream().sorted().filter(before::containsKey).forEach(page -> {
            Map<String, LabFinding> was = LighthouseRun.representative(before.get(page)).findings().stream()
                    .collect(Collectors.toMap(LabFinding::audit, Function.identity(), (a, b) -> a));
            for (LabFinding finding : LighthouseRun.representative(now.get(page)).findings()) {
                grew(page, finding, was.get(finding.audit())).ifPresent(grown::add);
            }
        });
        grown.sort(Comparator.comparingDouble(GrownOpportunity::bytesMore).reversed()
                .thenComparing(Comparator.comparingDouble(GrownOpportunity::millisMore).reversed()));
        return grown;
    }

    private static java.util.Optional<GrownOpportunity> grew(String page, LabFinding now, LabFinding before) {
        double bytesMore = now.savingsBytes() - (before == null ? 0 : before.savingsBytes());
        String metric = null;
        double millisMore = 0;
        for (Map.Entry<String, Double> saving : now.metricSavings().entrySet()) {
            double more = saving.getValue() - (before == null ? 0 : before.savings(saving.getKey()));
            double threshold = saving.getKey().equals("CLS") ? MIN_CLS : MIN_MILLIS;
            if (more >= threshold && (metric == null || more / threshold > millisMore / thresholdOf(metric))) {
                metric = saving.getKey();
                millisMore = more;
            }
        }
        if (bytesMore < MIN_BYTES && metric == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new GrownOpportunity(page, now.audit(), now.title(),
                bytesMore >= MIN_BYTES ? bytesMore : 0, metric, millisMore));
    }

    private static double thresholdOf(String metric) {
        return metric.equals("CLS") ? MIN_CLS : MIN_MILLIS;
    }
}

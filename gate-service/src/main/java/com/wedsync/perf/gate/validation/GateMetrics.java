package com.wedsync.perf.gate.validation;

import com.wedsync.perf.gate.budget.Budget;
import com.wedsync.perf.gate.budget.BundleBudget;
import com.wedsync.perf.gate.input.BundleSize;
import com.wedsync.perf.gate.input.LoadTestSummary;
import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The figures of a build as the answer shows them: per page as tested (URL and form factor) the aggregated scores and audits, bundle groups, load test. */
final class GateMetrics {

    private GateMetrics() {
    }

    static Map<String, Object> of(List<LighthouseRun> runs, List<BundleSize> bundles, LoadTestSummary loadTest, Budget budget) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> pages = new TreeMap<>();
        runs.stream().collect(Collectors.groupingBy(LighthouseRun::page)).forEach((pageKey, urlRuns) -> {
            Map<String, Object> figures = new TreeMap<>();
            figures.put("runs", urlRuns.size());
            urlRuns.get(0).scores().keySet().forEach(category -> figures.put(category, budget.aggregation()
                    .of(urlRuns.stream().map(r -> r.scores().get(category)).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray(), true)));
            urlRuns.get(0).audits().keySet().forEach(audit -> figures.put(audit, budget.aggregation()
                    .of(urlRuns.stream().map(r -> r.audits().get(audit)).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray(), false)));
            pages.put(pageKey, figures);
        });
        metrics.put("lighthouse", pages);
        if (!bundles.isEmpty()) {
            Map<String, Object> sizes = new LinkedHashMap<>();
            for (BundleBudget group : budget.bundles()) {
                sizes.put(group.name() + "Kib", bundles.stream().filter(b -> group.matches(b.name())).mapToLong(BundleSize::bytes).sum() / 1024.0);
            }
            sizes.put("totalKib", bundles.stream().mapToLong(BundleSize::bytes).sum() / 1024.0);
            metrics.put("bundles", sizes);
        }
        if (loadTest != null) {
            Map<String, Object> load = new LinkedHashMap<>();
            loadTest.p95Ms().ifPresent(v -> load.put("p95Ms", v));
            loadTest.p99Ms().ifPresent(v -> load.put("p99Ms", v));
            loadTest.errorRate().ifPresent(v -> load.put("errorRate", v));
            metrics.put("loadTest", load);
        }
        return metrics;
    }
}

package com.wedsync.perf.gate.validation;

import com.wedsync.perf.gate.regression.MetricComparison;
import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import java.util.Locale;

/** A validation as a Markdown summary for a pull-request comment. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String of(Validation v) {
        StringBuilder md = new StringBuilder();
        String icon = switch (v.status()) {
            case PASSED -> "✅";
            case FAILED, BLOCKED -> "❌";
            case REJECTED -> "⚠️";
            default -> "⏳";
        };
        md.append("### ").append(icon).append(" Performance gate: ").append(v.status().name().toLowerCase(Locale.ROOT))
                .append("\n\n`").append(v.project()).append("` build `").append(v.buildId()).append("` (")
                .append(v.gitSha()).append(", ").append(v.branch()).append(", ").append(v.environment())
                .append("), budget version ").append(v.budgetVersion()).append("\n\n");
        if (!v.blockingReasons().isEmpty()) {
            md.append("**Blocking**\n\n");
            v.blockingReasons().forEach(r -> md.append("- ").append(r).append('\n'));
            md.append('\n');
        }
        if (!v.warnings().isEmpty()) {
            md.append("**Warnings**\n\n");
            v.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
            md.append('\n');
        }
        if (v.baseline() != null && !v.comparison().isEmpty()) {
            md.append("**Against ").append(v.baseline().buildId()).append("** (").append(v.baseline().chosenBecause())
                    .append(")\n\n| page | metric | baseline | this build | change | p |\n|---|---|---|---|---|---|\n");
            for (MetricComparison c : v.comparison()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.4g | %.4g | %+.1f%% | %.3f |%n",
                        LighthouseRun.page(c.url(), c.formFactor()), c.metric(),
                        c.baselineMedian(), c.candidateMedian(), c.worseBy() * 100, c.pValue()));
            }
        }
        if (!v.grownOpportunities().isEmpty()) {
            md.append(v.comparison().isEmpty() ? "" : "\n").append("**Lighthouse opportunities that grew** (against ")
                    .append(v.baseline() == null ? "the baseline" : v.baseline().buildId()).append(")\n\n");
            v.grownOpportunities().forEach(g -> md.append("- ").append(g.describe()).append('\n'));
        }
        return md.toString();
    }
}

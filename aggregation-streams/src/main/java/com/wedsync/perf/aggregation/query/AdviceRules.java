package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.event.LabFinding;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.route.ResourceKind;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.vitals.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every rule that turns a page's evidence into advice, and every threshold they use, in one place. A rule fires on the
 * evidence (a cause's dominant phase, a resource's size, a sub-part's median), whatever the gain; the gain only orders.
 */
final class AdviceRules {

    /** A cause is worth its own advice from this share of the page's poor experiences of its metric. */
    static final double CAUSE_SHARE = 0.10;
    /** An INP phase worth naming: its mean over the cause's interactions. */
    static final double INP_PHASE_MS = 100;
    /** LCP's resource load delay (the resource discovered or requested late): preload / fetchpriority. */
    static final double LCP_LOAD_DELAY_MS = 500;
    /** LCP's element render delay (resource there, element not painted): render-blocking work. */
    static final double LCP_RENDER_DELAY_MS = 500;
    /** LCP's resource load duration: the resource itself is too big or too far. */
    static final double LCP_LOAD_DURATION_MS = 1000;
    /** Images above this, not in WebP/AVIF: convert (WedSync's specification). */
    static final double IMAGE_BYTES = 200 * 1024;
    /** JavaScript per page view above this at p75: split the bundle (WedSync's specification). */
    static final double SCRIPT_BYTES = 800 * 1024;
    /** DNS lookup or connection set-up above this at the median: preconnect (WedSync's specification). */
    static final double CONNECT_MS = 100;
    /** A Lighthouse finding is advice from this saving on any timed metric (Lighthouse rounds savings to 50 ms)… */
    static final double LAB_SAVINGS_MS = 50;
    /** …or this much layout shift… */
    static final double LAB_SAVINGS_CLS = 0.05;
    /** …or this many transfer bytes. */
    static final double LAB_SAVINGS_BYTES = 10 * 1024;
    /**
     * Which field metric a lab saving is weighed against: its own, and TBT — the lab's stand-in for responsiveness,
     * as Lighthouse itself explains it — against INP.
     */
    static final Map<String, Metric> FIELD_METRIC_OF_LAB = Map.of("LCP", Metric.LCP, "FCP", Metric.FCP, "INP", Metric.INP,
            "TBT", Metric.INP, "CLS", Metric.CLS);

    private AdviceRules() {
    }

    static List<Recommendation> advise(PageEvidence page) {
        List<Recommendation> advice = new ArrayList<>();
        interactions(page, advice);
        largestPaint(page, advice);
        images(page, advice);
        scripts(page, advice);
        connections(page, advice);
        lab(page, advice);
        return advice;
    }

    private static void interactions(PageEvidence page, List<Recommendation> advice) {
        for (DiagnosisView.CauseView cause : page.inp().causes()) {
            double phaseMs = dominantPartMean(cause);
            if (!isWorthAdvice(cause, page.inp()) || cause.phase() == null || phaseMs < INP_PHASE_MS) {
                continue;
            }
            String script = cause.detail() == null ? "" : "; longest script " + cause.detail();
            String rule;
            String action;
            switch (cause.phase()) {
                case "processing" -> {
                    rule = "inp-long-handler";
                    action = "Break up the event handler of " + cause.cause() + ": yield to the main thread "
                            + "(scheduler.yield() or setTimeout) before work that does not change what is shown" + script;
                }
                case "input-delay" -> {
                    rule = "inp-input-delay";
                    action = "Shorten the long tasks running when " + cause.cause()
                            + " is used (start-up and third-party scripts, timers)" + script;
                }
                default -> {
                    rule = "inp-presentation";
                    action = "Make the rendering after " + cause.cause() + " cheaper: smaller DOM updates, no forced "
                            + "layout, content-visibility for what is off screen";
                }
            }
            advice.add(new Recommendation(page.route(), rule, "INP", cause.cause(), action,
                    causeEvidence("INP", cause, page.inp()) + ", " + cause.phase() + " " + ms(phaseMs) + " on average",
                    perDay(cause.poor(), page), perDay(cause.samples(), page)));
        }
    }

    private static void largestPaint(PageEvidence page, List<Recommendation> advice) {
        for (DiagnosisView.CauseView cause : page.lcp().causes()) {
            if (!isWorthAdvice(cause, page.lcp()) || cause.phase() == null) {
                continue;
            }
            double phaseMs = dominantPartMean(cause);
            String resource = cause.detail() == null ? cause.cause() : cause.detail();
            String rule;
            String action;
            if (cause.phase().equals("load-delay") && phaseMs >= LCP_LOAD_DELAY_MS) {
                rule = "lcp-preload";
                action = "Start loading " + resource + " with the document: <link rel=preload> or fetchpriority=high, "
                        + "never loading=lazy on the largest element";
            } else if (cause.phase().equals("render-delay") && phaseMs >= LCP_RENDER_DELAY_MS) {
                rule = "lcp-render-blocking";
                action = "Paint " + cause.cause() + " as soon as its resource arrives: move render-blocking CSS and "
                        + "scripts out of the head (defer, async, critical CSS), render it on the server";
            } else if (cause.phase().equals("load") && phaseMs >= LCP_LOAD_DURATION_MS) {
                rule = "lcp-resource-size";
                action = "Make " + resource + " smaller or nearer: right-size and compress it, serve it from the CDN";
            } else {
                continue;
            }
            advice.add(new Recommendation(page.route(), rule, "LCP", resource, action,
                    causeEvidence("LCP", cause, page.lcp()) + ", " + cause.phase() + " " + ms(phaseMs) + " on average",
                    perDay(cause.poor(), page), perDay(cause.samples(), page)));
        }
    }

    /** Large images in old formats. Their gain: the poor LCPs whose largest element was that image. */
    private static void images(PageEvidence page, List<Recommendation> advice) {
        for (DiagnosisView.CauseView cause : page.largeResources().causes()) {
            String initiator = cause.detail() == null ? null : cause.detail().split(" ", 2)[0];
            if (ResourceKind.of(initiator, cause.cause()) != ResourceKind.IMAGE || ResourceKind.isModernImage(cause.cause())
                    || cause.p75() < IMAGE_BYTES) {
                continue;
            }
            long poorLcp = page.lcp().causes().stream().filter(lcp -> cause.cause().equals(lcp.detail()))
                    .mapToLong(DiagnosisView.CauseView::poor).sum();
            advice.add(new Recommendation(page.route(), "image-format", "LCP", cause.cause(),
                    "Serve " + cause.cause() + " as WebP or AVIF (a <picture> with a fallback), sized for the screen",
                    "p75 " + kb(cause.p75()) + " over " + cause.samples() + " loads; the largest element of "
                            + poorLcp + " poor LCPs",
                    perDay(poorLcp, page), perDay(cause.samples(), page)));
        }
    }

    /** Heavy bundles slow both loading and interactions: the gain counts both, for the views over the limit. */
    private static void scripts(PageEvidence page, List<Recommendation> advice) {
        QuantileSketch bytes = page.scriptBytes();
        if (bytes == null || bytes.count() == 0 || bytes.quantile(0.75) <= SCRIPT_BYTES) {
            return;
        }
        double overShare = (double) bytes.countAbove(SCRIPT_BYTES) / bytes.count();
        advice.add(new Recommendation(page.route(), "script-split", "SCRIPT_BYTES", "the page's JavaScript",
                "Split the bundle: load this route's code on demand (dynamic import()), move what other routes need "
                        + "out, drop unused dependencies",
                "p75 " + kb(bytes.quantile(0.75)) + " of JavaScript per page view, " + percent(overShare)
                        + " of views over " + kb(SCRIPT_BYTES),
                perDay(Math.round((page.inpPoor() + page.lcpPoor()) * overShare), page),
                perDay(bytes.count(), page)));
    }

    private static void connections(PageEvidence page, List<Recommendation> advice) {
        Map<String, Double> medians = page.ttfb().parts();
        double dns = medians.getOrDefault("dnsDuration", 0.0);
        double connect = medians.getOrDefault("connectionDuration", 0.0);
        if (Math.max(dns, connect) <= CONNECT_MS) {
            return;
        }
        advice.add(new Recommendation(page.route(), "preconnect", "TTFB", "connection set-up",
                "Cut connection set-up: <link rel=preconnect> (and dns-prefetch) to the origins the page needs first, "
                        + "keep-alive and HTTP/2 or 3 at the edge",
                "median DNS " + ms(dns) + ", connect " + ms(connect) + " over " + page.ttfb().samples() + " loads",
                perDay(page.ttfb().poor(), page), perDay(page.ttfb().samples(), page)));
    }

    /**
     * The newest base-branch Lighthouse run's failing audits. Gain: the route's poor experiences of the metric that
     * are within the audit's saving of the poor threshold — those the saving, if the field gains what the lab does,
     * brings under it; the metric that gains most names the advice.
     */
    private static void lab(PageEvidence page, List<Recommendation> advice) {
        LabFindings lab = page.lab();
        if (lab == null) {
            return;
        }
        for (LabFinding finding : lab.findings()) {
            if (!isWorthAdvice(finding)) {
                continue;
            }
            String metric = null;
            long avoided = -1;
            long experiences = 0;
            double largestSaving = -1;
            for (Map.Entry<String, Double> saving : finding.metricSavings().entrySet()) {
                Metric field = FIELD_METRIC_OF_LAB.get(saving.getKey());
                if (field == null) {
                    continue;
                }
                QuantileSketch sketch = page.field().get(field);
                long gain = sketch == null ? 0 : poorWithin(sketch, field, saving.getValue());
                if (gain > avoided || gain == avoided && saving.getValue() > largestSaving) {
                    metric = saving.getKey();
                    avoided = gain;
                    largestSaving = saving.getValue();
                    experiences = sketch == null ? 0 : sketch.count();
                }
            }
            String target = finding.resource() == null ? "the page" : finding.resource();
            advice.add(new Recommendation(page.route(), "lighthouse-" + finding.audit(), metric == null ? "BYTES" : metric,
                    target, finding.title() + (finding.resource() == null ? "" : ": " + finding.resource())
                            + " (Lighthouse audit " + finding.audit() + ")",
                    labEvidence(lab, finding, metric, Math.max(avoided, 0)),
                    perDay(Math.max(avoided, 0), page), perDay(experiences, page)));
        }
    }

    private static boolean isWorthAdvice(LabFinding finding) {
        return finding.metricSavings().entrySet().stream().anyMatch(s -> "CLS".equals(s.getKey())
                ? s.getValue() >= LAB_SAVINGS_CLS : s.getValue() >= LAB_SAVINGS_MS) || finding.savingsBytes() >= LAB_SAVINGS_BYTES;
    }

    /** Poor values no further above the poor threshold than the saving. */
    private static long poorWithin(QuantileSketch sketch, Metric metric, double saving) {
        double poor = metric.thresholds().orElseThrow().poor();
        return Math.max(0, sketch.countAbove(poor) - sketch.countAbove(poor + saving));
    }

    private static String labEvidence(LabFindings lab, LabFinding finding, String metric, long avoided) {
        StringBuilder evidence = new StringBuilder("Lighthouse ").append(lab.lighthouseVersion() == null ? "" : lab.lighthouseVersion() + " ")
                .append("on build ").append(lab.buildId()).append(lab.gitSha() == null ? "" : " (" + lab.gitSha() + ")")
                .append(": saves ");
        List<String> savings = new ArrayList<>();
        finding.metricSavings().forEach((name, value) -> savings.add(name + " " + ("CLS".equals(name)
                ? String.format(Locale.ROOT, "%.2f", value) : ms(value))));
        if (finding.savingsBytes() > 0) {
            savings.add(kb(finding.savingsBytes()));
        }
        evidence.append(String.join(", ", savings));
        if (metric != null) {
            evidence.append("; ").append(avoided).append(" poor ").append(metric).append(" in the window within that saving of "
                    + "the poor threshold");
        }
        return evidence.toString();
    }

    private static boolean isWorthAdvice(DiagnosisView.CauseView cause, DiagnosisView diagnosis) {
        return cause.cause() != null && (diagnosis.poor() == 0 || cause.share() >= CAUSE_SHARE);
    }

    private static double dominantPartMean(DiagnosisView.CauseView cause) {
        return cause.partMeans().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static String causeEvidence(String metric, DiagnosisView.CauseView cause, DiagnosisView diagnosis) {
        return diagnosis.poor() == 0
                ? cause.samples() + " " + metric + " samples, none poor, p75 " + ms(cause.p75())
                : percent(cause.share()) + " of poor " + metric + " (" + cause.poor() + " of " + diagnosis.poor()
                        + "), p75 " + ms(cause.p75());
    }

    private static double perDay(long count, PageEvidence page) {
        return Math.round(count / page.days() * 10) / 10.0;
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String kb(double bytes) {
        return String.format(Locale.ROOT, "%.0f KB", bytes / 1024);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}

package com.wedsync.perf.aggregation.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.event.LabFinding;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.vitals.Metric;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule fires on its evidence and only above its threshold; gains are the evidence's poor experiences a day. */
class AdviceRulesTest {

    private static final String ROUTE = "/weddings/:id/timeline";

    @Test
    void shouldAskToConvertOnlyLargeImagesInOldFormats() {
        DiagnosisView resources = diagnosis("LARGE_RESOURCE", 0, Map.of(),
                cause("https://cdn.example/a.png", 0, 0, 40, 0, 350 * 1024, null, Map.of(), "img h2"),
                cause("https://cdn.example/b.jpg", 0, 0, 40, 0, 150 * 1024, null, Map.of(), "img h2"),
                cause("https://cdn.example/c.webp", 0, 0, 40, 0, 900 * 1024, null, Map.of(), "img h2"),
                cause("https://cdn.example/d.js", 0, 0, 40, 0, 900 * 1024, null, Map.of(), "script h2"));
        DiagnosisView lcp = diagnosis("LCP", 8, Map.of(),
                cause("img.hero", 1, 1, 8, 8, 4600, "load", Map.of("resourceLoadDuration", 300.0), "https://cdn.example/a.png"));

        List<Recommendation> advice = AdviceRules.advise(page(2, 0, 8, null, empty("INP"), lcp, empty("TTFB"), resources));

        assertThat(advice).extracting(Recommendation::rule, Recommendation::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("image-format", "https://cdn.example/a.png"));
        assertThat(advice.get(0).poorAvoidedPerDay()).as("8 poor LCPs over 2 days").isEqualTo(4.0);
        assertThat(advice.get(0).experiencesPerDay()).isEqualTo(20.0);
    }

    @Test
    void shouldSplitTheBundleOnlyWhenItsP75IsOver800KbAndCountTheViewsOverIt() {
        QuantileSketch heavy = sketch(600 * 1024, 200, 1000 * 1024, 800);
        QuantileSketch light = sketch(600 * 1024, 800, 1000 * 1024, 200);

        List<Recommendation> advice = AdviceRules.advise(page(1, 100, 50, heavy, empty("INP"), empty("LCP"),
                empty("TTFB"), empty("LARGE_RESOURCE")));

        assertThat(advice).singleElement().satisfies(split -> {
            assertThat(split.rule()).isEqualTo("script-split");
            assertThat(split.poorAvoidedPerDay()).as("150 poor INP and LCP, 80% of views over").isEqualTo(120.0);
            assertThat(split.evidence()).contains("80% of views over 800 KB");
        });
        assertThat(AdviceRules.advise(page(1, 100, 50, light, empty("INP"), empty("LCP"), empty("TTFB"),
                empty("LARGE_RESOURCE")))).isEmpty();
    }

    @Test
    void shouldNameInteractionPhasesAndSkipSmallCausesAndShortPhases() {
        DiagnosisView inp = diagnosis("INP", 100, Map.of(),
                cause("button#save", 0.6, 0.6, 70, 60, 700, "processing", Map.of("processingDuration", 600.0), "app.js"),
                cause("input.search", 0.3, 0.3, 40, 30, 600, "input-delay", Map.of("inputDelay", 450.0), null),
                cause("a.menu", 0.05, 0.05, 5, 5, 600, "presentation", Map.of("presentationDelay", 500.0), null),
                cause("div.tab", 0.05, 0.3, 500, 5, 550, "processing", Map.of("processingDuration", 80.0), null));

        List<Recommendation> advice = AdviceRules.advise(page(0.5, 100, 0, null, inp, empty("LCP"), empty("TTFB"),
                empty("LARGE_RESOURCE")));

        assertThat(advice).extracting(Recommendation::rule).containsExactly("inp-long-handler", "inp-input-delay");
        assertThat(advice.get(0).poorAvoidedPerDay()).isEqualTo(120.0);
        assertThat(advice.get(0).action()).contains("button#save").contains("app.js");
    }

    @Test
    void shouldAdvisePreloadRenderBlockingAndPreconnectAboveTheirThresholds() {
        DiagnosisView lcp = diagnosis("LCP", 20, Map.of(),
                cause("img.hero", 0.5, 0.5, 10, 10, 4500, "load-delay", Map.of("resourceLoadDelay", 1200.0), "/img/h.avif"),
                cause("h1.title", 0.4, 0.4, 8, 8, 4300, "render-delay", Map.of("elementRenderDelay", 900.0), null),
                cause("p.intro", 0.1, 0.1, 2, 2, 4100, "render-delay", Map.of("elementRenderDelay", 400.0), null));
        DiagnosisView ttfb = diagnosis("TTFB", 6, Map.of("dnsDuration", 140.0, "connectionDuration", 60.0));

        List<Recommendation> advice = AdviceRules.advise(page(1, 0, 20, null, empty("INP"), lcp, ttfb,
                empty("LARGE_RESOURCE")));

        assertThat(advice).extracting(Recommendation::rule, Recommendation::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lcp-preload", "/img/h.avif"),
                org.assertj.core.groups.Tuple.tuple("lcp-render-blocking", "h1.title"),
                org.assertj.core.groups.Tuple.tuple("preconnect", "connection set-up"));
        assertThat(AdviceRules.advise(page(1, 0, 0, null, empty("INP"), empty("LCP"),
                diagnosis("TTFB", 6, Map.of("dnsDuration", 90.0, "connectionDuration", 99.0)), empty("LARGE_RESOURCE"))))
                .as("at or under 100 ms no preconnect").isEmpty();
    }

    private static PageEvidence page(double days, long inpPoor, long lcpPoor, QuantileSketch scripts, DiagnosisView inp,
                                     DiagnosisView lcp, DiagnosisView ttfb, DiagnosisView resources) {
        return new PageEvidence(ROUTE, days, inpPoor, lcpPoor, scripts, inp, lcp, ttfb, resources, Map.of(), null);
    }

    private static PageEvidence labPage(double days, Map<Metric, QuantileSketch> field, LabFinding... findings) {
        LabFindings lab = new LabFindings("t", ROUTE, "web", "main-7", "abc1234", "12.8.2", Instant.EPOCH, List.of(findings));
        return new PageEvidence(ROUTE, days, 0, 0, null, empty("INP"), empty("LCP"), empty("TTFB"), empty("LARGE_RESOURCE"),
                field, lab);
    }

    private static DiagnosisView empty(String metric) {
        return diagnosis(metric, 0, Map.of());
    }
    @Test
    void shouldWeighALighthouseSavingByThePoorFieldValuesItBringsUnderThePoorThreshold() {
        // LCP in the field: 100 good, 30 poor just over 4 s (4.3 s), 20 far over (7 s); LCP's poor threshold is 4 s.
        QuantileSketch lcp = sketch(2000, 100, 4300, 30);
        for (int i = 0; i < 20; i++) {
            lcp.add(7000);
        }
        LabFinding images = new LabFinding("modern-image-formats", "Serve images in next-gen formats", "opportunity",
                Map.of("LCP", 900.0, "FCP", 0.0), 164062, "https://cdn.example/img/hero.png");
        LabFinding text = new LabFinding("uses-text-compression", "Enable text compression", "opportunity",
                Map.of("LCP", 200.0), 5000, null);
        LabFinding tiny = new LabFinding("unminified-css", "Minify CSS", "opportunity", Map.of("LCP", 20.0), 2048, null);

        List<Recommendation> advice = AdviceRules.advise(labPage(2, Map.of(Metric.LCP, lcp), images, text, tiny));

        assertThat(advice).extracting(Recommendation::rule).as("a 20 ms, 2 KB saving is under every threshold")
                .containsExactly("lighthouse-modern-image-formats", "lighthouse-uses-text-compression");
        Recommendation convert = advice.get(0);
        assertThat(convert.metric()).isEqualTo("LCP");
        assertThat(convert.target()).isEqualTo("https://cdn.example/img/hero.png");
        assertThat(convert.poorAvoidedPerDay()).as("the 30 poor LCPs at 4.3 s fall under 4 s with 900 ms less; over 2 days")
                .isEqualTo(15.0);
        assertThat(convert.experiencesPerDay()).isEqualTo(75.0);
        assertThat(convert.evidence()).contains("Lighthouse 12.8.2 on build main-7 (abc1234)").contains("LCP 900 ms")
                .contains("160 KB").contains("30 poor LCP");
        assertThat(advice.get(1).poorAvoidedPerDay()).as("200 ms brings none of them under").isEqualTo(0.0);
    }

    @Test
    void shouldWeighTotalBlockingTimeAgainstInpAndKeepLabAdviceForARouteWithoutTraffic() {
        QuantileSketch inp = sketch(150, 50, 600, 10);
        LabFinding bootup = new LabFinding("bootup-time", "Reduce JavaScript execution time", "diagnostic",
                Map.of("TBT", 300.0), 0, "https://cdn.example/static/js/guests.*.js");

        assertThat(AdviceRules.advise(labPage(1, Map.of(Metric.INP, inp), bootup))).singleElement().satisfies(advice -> {
            assertThat(advice.metric()).isEqualTo("TBT");
            assertThat(advice.poorAvoidedPerDay()).as("the 10 poor INPs at 600 ms are within 300 ms of 500 ms").isEqualTo(10.0);
        });
        assertThat(AdviceRules.advise(labPage(1, Map.of(), bootup))).singleElement().satisfies(advice -> {
            assertThat(advice.poorAvoidedPerDay()).isEqualTo(0.0);
            assertThat(advice.experiencesPerDay()).isEqualTo(0.0);
        });
    }

    private static DiagnosisView diagnosis(String metric, long poor, Map<String, Double> parts,
                                           DiagnosisView.CauseView... causes) {
        long samples = Math.max(poor, List.of(causes).stream().mapToLong(DiagnosisView.CauseView::samples).sum());
        return new DiagnosisView("t", ROUTE, metric, "*", Instant.EPOCH, Instant.EPOCH, samples, poor, parts,
                List.of(causes));
    }

    private static DiagnosisView.CauseView cause(String cause, double share, double upTo, long samples, long poor,
                                                 double p75, String phase, Map<String, Double> means, String detail) {
        return new DiagnosisView.CauseView(cause, share, upTo, samples, poor, p75, phase, means, detail);
    }

    private static QuantileSketch sketch(double low, int lowCount, double high, int highCount) {
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < lowCount; i++) {
            sketch.add(low);
        }
        for (int i = 0; i < highCount; i++) {
            sketch.add(high);
        }
        return sketch;
    }
}

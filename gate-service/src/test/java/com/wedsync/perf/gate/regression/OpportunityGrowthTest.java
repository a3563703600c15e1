package com.wedsync.perf.gate.regression;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.gate.lighthouse.LighthouseRun;
import com.wedsync.perf.model.event.LabFinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpportunityGrowthTest {

    private static final String GALLERY = "https://app.wedsync.example/photos/gallery";

    @Test
    void shouldListTheOpportunitiesWhoseSavingsGrewPerPageAndFormFactor() {
        List<LighthouseRun> baseline = List.of(
                run("mobile", 90, image(120_000, 600), blocking(200)),
                run("mobile", 88, image(125_000, 650), blocking(210)),
                run("mobile", 92, image(118_000, 580), blocking(190)),
                run("desktop", 98, image(120_000, 100)));
        List<LighthouseRun> candidate = List.of(
                run("mobile", 80, image(420_000, 1500), blocking(215), unused(60_000)),
                run("mobile", 78, image(425_000, 1600), blocking(220), unused(61_000)),
                run("mobile", 82, image(418_000, 1450), blocking(205), unused(59_000)),
                run("desktop", 97, image(126_000, 120)));

        List<GrownOpportunity> grown = OpportunityGrowth.between(candidate, baseline);

        // The representative runs are the median scores' (88 → 80 on mobile): the image grew by 300 KB and 900 ms, a
        // new unused-javascript finding by 60 KB; render-blocking +5 ms and desktop's +6 KB are jitter.
        assertThat(grown).extracting(GrownOpportunity::describe).containsExactly(
                "modern-image-formats: +300 KB, LCP +900 ms on " + GALLERY + " (mobile)",
                "unused-javascript: +60 KB on " + GALLERY + " (mobile)");
    }

    @Test
    void shouldReportNothingWithoutTheSamePageInTheBaseline() {
        assertThat(OpportunityGrowth.between(List.of(run("desktop", 90, image(400_000, 900))),
                List.of(run("mobile", 90, image(100_000, 100))))).isEmpty();
    }

    private static LighthouseRun run(String formFactor, double performance, LabFinding... findings) {
        return new LighthouseRun(GALLERY, formFactor, "12.8.2", Map.of("performance", performance), Map.of(), Map.of(),
                List.of(findings));
    }

    private static LabFinding image(double bytes, double lcpMs) {
        return new LabFinding("modern-image-formats", "Serve images in next-gen formats", "opportunity",
                Map.of("LCP", lcpMs), bytes, GALLERY.replace("/photos/gallery", "/img/*.png"));
    }

    private static LabFinding blocking(double fcpMs) {
        return new LabFinding("render-blocking-resources", "Eliminate render-blocking resources", "opportunity",
                Map.of("FCP", fcpMs), 0, null);
    }

    private static LabFinding unused(double bytes) {
        return new LabFinding("unused-javascript", "Reduce unused JavaScript", "opportunity", Map.of(), bytes, null);
    }
}

package com.wedsync.perf.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's traffic tells the story it is meant to: only the studio's mobile guest list is over the LCP threshold,
 * the other pages stay under it, CLS is mostly exactly zero, and a neighbour's slowdown shows in the timings.
 */
class TrafficTest {

    private static final DemoTenantSpec STUDIO = new DemoTenantSpec("studio", "Studio", "premium", "pk", "sk", "rt", 12, 20,
            "/weddings/2041/guests");

    @Test
    void shouldPutOnlyTheSlowPageOnMobileOverTheLcpThreshold() {
        Traffic traffic = new Traffic();
        List<Double> slow = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        int cls = 0;
        int zeroCls = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> view = traffic.pageView(STUDIO);
            boolean slowPage = ((String) view.get("page")).contains("/weddings/2041/guests") && view.get("device").equals("mobile");
            for (Object m : (List<?>) view.get("metrics")) {
                Map<?, ?> metric = (Map<?, ?>) m;
                double value = ((Number) metric.get("value")).doubleValue();
                if (metric.get("name").equals("LCP")) {
                    (slowPage ? slow : others).add(value);
                } else if (metric.get("name").equals("CLS")) {
                    cls++;
                    zeroCls += value == 0 ? 1 : 0;
                }
            }
        }
        assertThat(p75(slow)).as("the slow page's LCP p75 on mobile").isGreaterThan(3000);
        assertThat(p75(others)).as("every other view's LCP p75").isLessThan(2000);
        assertThat((double) zeroCls / cls).isBetween(0.55, 0.65);
    }

    @Test
    void shouldSplitPageViewsBetweenTheExperimentsArmsWithArmBsLcpFifteenPercentHigher() {
        Traffic traffic = new Traffic();
        Map<String, List<Double>> dashboardOnDesktop = new java.util.HashMap<>();
        int views = 20_000;
        int armB = 0;
        for (int i = 0; i < views; i++) {
            Map<String, Object> view = traffic.pageView(STUDIO);
            assertThat(view.get("release")).isEqualTo(Traffic.RELEASE);
            String variant = (String) view.get("variant");
            assertThat(variant).isIn(Traffic.ARM_A, Traffic.ARM_B);
            armB += variant.equals(Traffic.ARM_B) ? 1 : 0;
            if (((String) view.get("page")).contains("/dashboard") && view.get("device").equals("desktop")) {
                for (Object m : (List<?>) view.get("metrics")) {
                    Map<?, ?> metric = (Map<?, ?>) m;
                    if (metric.get("name").equals("LCP")) {
                        dashboardOnDesktop.computeIfAbsent(variant, v -> new ArrayList<>())
                                .add(((Number) metric.get("value")).doubleValue());
                    }
                }
            }
        }
        assertThat((double) armB / views).isBetween(0.48, 0.52);
        double ratio = median(dashboardOnDesktop.get(Traffic.ARM_B)) / median(dashboardOnDesktop.get(Traffic.ARM_A));
        assertThat(ratio).as("arm B's LCP median over arm A's").isBetween(1.10, 1.20);
    }

    @Test
    void shouldTellWhyTheSlowPageIsSlowInTheAttributionItSends() {
        Traffic traffic = new Traffic();
        int interactions = 0;
        int button = 0;
        int heroImages = 0;
        int slowViews = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> view = traffic.pageView(STUDIO);
            if (!((String) view.get("page")).contains("/weddings/2041/guests") || !view.get("device").equals("mobile")) {
                continue;
            }
            slowViews++;
            for (Object m : (List<?>) view.get("metrics")) {
                Map<?, ?> metric = (Map<?, ?>) m;
                Map<?, ?> attribution = (Map<?, ?>) metric.get("attribution");
                if (metric.get("name").equals("INP")) {
                    interactions++;
                    button += "#save-rsvp".equals(attribution.get("interactionTarget")) ? 1 : 0;
                }
                if (metric.get("name").equals("LCP")) {
                    assertThat(attribution.get("target")).isEqualTo("main>img.hero");
                    assertThat(((Number) attribution.get("resourceLoadDelay")).doubleValue())
                            .isGreaterThan(((Number) attribution.get("elementRenderDelay")).doubleValue());
                }
            }
            heroImages += ((List<?>) view.get("resources")).stream()
                    .filter(r -> ((Map<?, ?>) r).get("name").toString().contains("/img/hero.png")).count();
        }
        assertThat((double) button / interactions).as("the RSVP button's share of interactions").isBetween(0.65, 0.75);
        assertThat(heroImages).as("one hero image per slow view").isEqualTo(slowViews);
    }

    @Test
    void shouldSlowRequestsDownByTheGivenFactorAndFailAtTheGivenRate() {
        Traffic traffic = new Traffic();
        List<Double> normal = new ArrayList<>();
        List<Double> slowed = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < 10_000; i++) {
            normal.add(((Number) traffic.serverTiming("api_request", 1.0, 0).get("durationMs")).doubleValue());
            Map<String, Object> timing = traffic.serverTiming("api_request", 2.0, 0.05);
            slowed.add(((Number) timing.get("durationMs")).doubleValue());
            errors += timing.get("status").equals(503) ? 1 : 0;
        }
        assertThat(p75(slowed) / p75(normal)).isBetween(1.8, 2.2);
        assertThat(errors / 10_000.0).isBetween(0.04, 0.06);
    }

    private static double p75(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) (sorted.size() * 0.75));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

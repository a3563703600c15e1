package com.wedsync.perf.model.vitals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebVitalsTest {

    @ParameterizedTest(name = "{0} = {1} is {2}")
    @CsvSource({
            "LCP, 0, GOOD", "LCP, 2500, GOOD", "LCP, 2500.01, NEEDS_IMPROVEMENT", "LCP, 4000, NEEDS_IMPROVEMENT",
            "LCP, 4000.01, POOR",
            "INP, 200, GOOD", "INP, 201, NEEDS_IMPROVEMENT", "INP, 500, NEEDS_IMPROVEMENT", "INP, 501, POOR",
            "CLS, 0, GOOD", "CLS, 0.1, GOOD", "CLS, 0.10001, NEEDS_IMPROVEMENT", "CLS, 0.25, NEEDS_IMPROVEMENT",
            "CLS, 0.2501, POOR",
            "FCP, 1800, GOOD", "FCP, 1801, NEEDS_IMPROVEMENT", "FCP, 3001, POOR",
            "TTFB, 800, GOOD", "TTFB, 1800, NEEDS_IMPROVEMENT", "TTFB, 1800.5, POOR",
            "FID, 100, GOOD", "FID, 300, NEEDS_IMPROVEMENT", "FID, 301, POOR"})
    void shouldRateByThePublicThresholdsGoodInclusivePoorExclusive(Metric metric, double value, Rating expected) {
        assertThat(WebVitals.rating(metric, value)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseToRateMetricsWithoutPublicThresholds() {
        assertThatThrownBy(() -> WebVitals.rating(Metric.LONG_TASK, 120))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LONG_TASK");
        assertThat(Metric.DNS.isWebVital()).isFalse();
        assertThat(Metric.INP.isWebVital()).isTrue();
    }

    @Test
    void shouldKnowUnits() {
        assertThat(Metric.LCP.unit()).isEqualTo(Unit.MILLISECONDS);
        assertThat(Metric.CLS.unit()).isEqualTo(Unit.UNITLESS);
        assertThat(Metric.JS_HEAP.unit()).isEqualTo(Unit.BYTES);
    }

    @ParameterizedTest(name = "{0} = {1} is implausible")
    @CsvSource({
            "LCP, -1", "LCP, -0.0001", "LCP, NaN", "LCP, Infinity", "LCP, -Infinity", "LCP, 600001",
            "CLS, 100.01", "CLS, -0.1", "INP, 600001", "TTFB, 1e12", "JS_HEAP, 1e15", "LARGE_RESOURCE, -5"})
    void shouldRejectImpossibleValues(Metric metric, double value) {
        assertThat(metric.isPlausible(value)).isFalse();
        assertThat(metric.whyImplausible(value)).get().asString().contains(metric.name());
    }

    @ParameterizedTest(name = "{0} = {1} is plausible")
    @CsvSource({"LCP, 0", "LCP, 600000", "CLS, 0", "CLS, 100", "INP, 16", "JS_HEAP, 2.5e8", "LONG_TASK, 51"})
    void shouldAcceptValuesThatCanHappen(Metric metric, double value) {
        assertThat(metric.isPlausible(value)).isTrue();
        assertThat(metric.whyImplausible(value)).isEmpty();
    }

    @Test
    void shouldExplainWhyAValueIsImplausibleWithTheBound() {
        assertThat(Metric.LCP.whyImplausible(700_000)).contains("LCP value 700000.0 exceeds the largest plausible 600000 ms");
        assertThat(Metric.CLS.whyImplausible(Double.NaN)).contains("CLS value NaN is not a finite number");
    }

    @Test
    void shouldParseMetricNamesAsWebVitalsSendsThem() {
        assertThat(Metric.fromName("LCP")).contains(Metric.LCP);
        assertThat(Metric.fromName(" inp ")).contains(Metric.INP);
        assertThat(Metric.fromName("XYZ")).isEmpty();
        assertThat(Metric.fromName(null)).isEmpty();
    }

    @Test
    void shouldRejectInconsistentThresholds() {
        assertThatThrownBy(() -> new Thresholds(4000, 2500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

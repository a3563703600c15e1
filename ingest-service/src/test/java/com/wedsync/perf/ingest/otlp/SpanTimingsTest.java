package com.wedsync.perf.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A span's adjusted count from OpenTelemetry's sampling threshold in the W3C trace state, and its whole requests. */
class SpanTimingsTest {

    @Test
    void shouldReadTheAdjustedCountFromTheSamplingThreshold() {
        assertThat(SpanTimings.adjustedCount("")).as("no trace state").isEqualTo(1);
        assertThat(SpanTimings.adjustedCount("ot=th:0")).as("always sampled").isEqualTo(1);
        assertThat(SpanTimings.adjustedCount("ot=th:8")).as("one in two").isEqualTo(2);
        assertThat(SpanTimings.adjustedCount("ot=th:c")).as("one in four").isEqualTo(4);
        assertThat(SpanTimings.adjustedCount("vendor=abc, ot=rv:9b8233f7e3a151;th:e")).as("one in eight, among others")
                .isEqualTo(8);
        assertThat(SpanTimings.adjustedCount("ot=th:4")).as("three in four").isCloseTo(4.0 / 3, within(1e-12));
        assertThat(SpanTimings.adjustedCount("ot=th:fffffffffffff")).as("13 digits, padded: 2^56 - 0xfffffffffffff0 = 16").isEqualTo(0x1p52);
        assertThat(SpanTimings.adjustedCount("ot=th:XYZ")).as("not a threshold").isEqualTo(1);
        assertThat(SpanTimings.adjustedCount("other=th:8")).as("another vendor's").isEqualTo(1);
    }

    @Test
    void shouldRoundAnAdjustedCountToWholeRequestsWithoutBias() {
        long total = 0;
        for (int i = 0; i < 30_000; i++) {
            long requests = SpanTimings.requests(4.0 / 3);
            assertThat(requests).isBetween(1L, 2L);
            total += requests;
        }
        // Expectation 40,000; the standard deviation of the sum is sqrt(30,000 * 2/9) = 82.
        assertThat(total).isBetween(40_000L - 400, 40_000L + 400);
        assertThat(SpanTimings.requests(4)).isEqualTo(4);
    }
}

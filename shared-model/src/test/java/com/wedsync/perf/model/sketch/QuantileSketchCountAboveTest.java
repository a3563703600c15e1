package com.wedsync.perf.model.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counting the values over a latency objective, as SLO burn rates need. */
class QuantileSketchCountAboveTest {

    @Test
    void shouldCountValuesClearlyAboveTheThreshold() {
        QuantileSketch sketch = new QuantileSketch();
        for (int ms = 1; ms <= 1000; ms++) {
            sketch.add(ms);
        }
        assertThat(sketch.countAbove(900)).as("901..1000, give or take the threshold's 1% bucket").isBetween(80L, 100L);
        assertThat(sketch.countAbove(2000)).isZero();
        assertThat(sketch.countAbove(0)).isEqualTo(1000);
    }

    @Test
    void shouldNeverCountZerosAsAbove() {
        QuantileSketch sketch = new QuantileSketch();
        sketch.add(0);
        sketch.add(0);
        sketch.add(5);
        assertThat(sketch.countAbove(0)).isEqualTo(1);
        assertThat(sketch.countAbove(1)).isEqualTo(1);
        assertThat(sketch.countAbove(5)).isZero();
    }
}

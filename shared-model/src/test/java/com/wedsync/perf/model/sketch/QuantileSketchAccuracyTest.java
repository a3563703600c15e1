package com.wedsync.perf.model.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Every reported percentile is within the stated 1% of the exact one, for the shapes real metrics have. */
class QuantileSketchAccuracyTest {

    private static final double[] QUANTILES = {0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0};
    private static final int SAMPLES = 200_000;

    @Test
    void shouldStayWithinOnePercentForLogNormalLcpLikeData() {
        Random random = new Random(1);
        assertAccurate(() -> Math.exp(7.6 + 0.5 * random.nextGaussian()));
    }

    @Test
    void shouldStayWithinOnePercentForBimodalData() {
        Random random = new Random(2);
        assertAccurate(() -> random.nextDouble() < 0.7
                ? Math.abs(120 + 25 * random.nextGaussian())
                : Math.abs(2400 + 600 * random.nextGaussian()));
    }

    @Test
    void shouldReportZeroExactlyForClsLikeDataWithManyZeros() {
        Random random = new Random(3);
        double[] values = assertAccurate(() -> random.nextDouble() < 0.6 ? 0 : Math.exp(-3 + random.nextGaussian()));
        QuantileSketch sketch = sketchOf(values);
        assertThat(sketch.quantile(0.5)).isEqualTo(0.0);
        assertThat(sketch.min()).isEqualTo(0.0);
    }

    @Test
    void shouldStayAccurateAfterMergingAndAfterRemovingReplacedValues() {
        Random random = new Random(4);
        double[] values = new double[SAMPLES];
        QuantileSketch first = new QuantileSketch();
        QuantileSketch second = new QuantileSketch();
        for (int i = 0; i < SAMPLES; i++) {
            double replaced = Math.exp(5 + random.nextGaussian());
            values[i] = Math.exp(6 + random.nextGaussian());
            QuantileSketch target = i % 2 == 0 ? first : second;
            target.add(replaced);
            target.remove(replaced);
            target.add(values[i]);
        }
        first.merge(second);
        assertWithinBound(first, values, false);
        assertThat(SketchCodec.decode(SketchCodec.encode(first))).isEqualTo(first);
    }

    @Test
    void shouldRefuseValuesItCannotHoldAndRemovalsOfWhatWasNeverAdded() {
        QuantileSketch sketch = new QuantileSketch();
        assertThatThrownBy(() -> sketch.add(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sketch.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        sketch.add(100);
        assertThatThrownBy(() -> sketch.remove(5000)).isInstanceOf(IllegalStateException.class);
        assertThat(sketch.count()).isEqualTo(1);
    }

    @Test
    void shouldRejectACorruptEncoding() {
        QuantileSketch sketch = new QuantileSketch();
        sketch.add(10);
        byte[] bytes = SketchCodec.toBytes(sketch);
        assertThatThrownBy(() -> SketchCodec.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] assertAccurate(DoubleSupplier distribution) {
        double[] values = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            values[i] = distribution.getAsDouble();
        }
        assertWithinBound(sketchOf(values), values, true);
        return values;
    }

    private static QuantileSketch sketchOf(double[] values) {
        QuantileSketch sketch = new QuantileSketch();
        for (double value : values) {
            sketch.add(value);
        }
        return sketch;
    }

    /** Min and max are exact unless an extreme was removed; then they too are held to the bound. */
    private static void assertWithinBound(QuantileSketch sketch, double[] values, boolean exactExtremes) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(sketch.count()).isEqualTo(values.length);
        for (double q : QUANTILES) {
            double exact = sorted[(int) Math.floor(q * (sorted.length - 1))];
            double reported = sketch.quantile(q);
            assertThat(Math.abs(reported - exact))
                    .as("p%s: exact %s, reported %s", q * 100, exact, reported)
                    .isLessThanOrEqualTo(0.01 * exact + 1e-12);
        }
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        assertThat(sketch.min()).isCloseTo(min, org.assertj.core.data.Offset.offset(exactExtremes ? 0 : 0.01 * min));
        assertThat(sketch.max()).isCloseTo(max, org.assertj.core.data.Offset.offset(exactExtremes ? 0 : 0.01 * max));
    }

    @Test
    void shouldAddAValueSeveralTimesAsIfAddedOneByOne() {
        QuantileSketch oneByOne = new QuantileSketch();
        QuantileSketch weighted = new QuantileSketch();
        for (int ms = 1; ms <= 500; ms++) {
            for (int i = 0; i < ms % 5 + 1; i++) {
                oneByOne.add(ms);
            }
            weighted.add(ms, ms % 5 + 1);
        }
        oneByOne.add(0);
        weighted.add(0, 1);
        assertThat(weighted).isEqualTo(oneByOne);
        assertThat(weighted.count()).isEqualTo(oneByOne.count());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> weighted.add(5, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

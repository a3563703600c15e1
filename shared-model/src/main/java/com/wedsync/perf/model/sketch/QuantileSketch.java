package com.wedsync.perf.model.sketch;

import java.util.Arrays;

/**
 * A mergeable quantile sketch with a relative-error guarantee: the DDSketch logarithmic mapping
 * (bucket i holds values in (γ^(i-1), γ^i], γ = (1+α)/(1-α)), with exact zeros and exact counts.
 * Unlike the sketches-java implementation it can also <em>remove</em> a value it was given, which is how a
 * web-vitals id that reports again replaces its earlier value instead of counting twice.
 * Every quantile it returns is within α (relative) of a value at that rank; min and max are exact unless an
 * extreme value was removed, when they fall back to the sketch's own bound.
 */
public final class QuantileSketch {

    public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;
    /** Values below this count as zero: far smaller than any duration, byte count or layout-shift score. */
    static final double MIN_POSITIVE = 1e-6;

    private final double relativeAccuracy;
    private final double gamma;
    private final double logGamma;
    long count;
    long zeroCount;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    /** Dense counts for bucket indexes offset .. offset + counts.length - 1. */
    long[] counts = new long[0];
    int offset;

    public QuantileSketch() {
        this(DEFAULT_RELATIVE_ACCURACY);
    }

    public QuantileSketch(double relativeAccuracy) {
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
            throw new IllegalArgumentException("relative accuracy must be within (0, 1), got " + relativeAccuracy);
        }
        this.relativeAccuracy = relativeAccuracy;
        this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        this.logGamma = Math.log(gamma);
    }

    public void add(double value) {
        add(value, 1);
    }

    /** Adds {@code times} occurrences of a value (a sampled request standing for several, or a histogram bucket). */
    public void add(double value, long times) {
        requireValid(value);
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        if (value < MIN_POSITIVE) {
            zeroCount += times;
        } else {
            int index = index(value);
            grow(index);
            counts[index - offset] += times;
        }
        count += times;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Removes one occurrence of a value added before; removing what was never added is a programming error. */
    public void remove(double value) {
        requireValid(value);
        if (value < MIN_POSITIVE) {
            if (zeroCount == 0) {
                throw new IllegalStateException("no zero value to remove");
            }
            zeroCount--;
        } else {
            int slot = index(value) - offset;
            if (slot < 0 || slot >= counts.length || counts[slot] == 0) {
                throw new IllegalStateException("value " + value + " was not added");
            }
            counts[slot]--;
        }
        count--;
        if (count == 0) {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
        } else if (value <= min || value >= max) {
            min = Math.max(min, lowestValue());
            max = Math.min(max, highestValue());
        }
    }

    public void merge(QuantileSketch other) {
        if (other.relativeAccuracy != relativeAccuracy) {
            throw new IllegalArgumentException("cannot merge sketches of relative accuracy "
                    + relativeAccuracy + " and " + other.relativeAccuracy);
        }
        if (other.count == 0) {
            return;
        }
        if (other.counts.length > 0) {
            grow(other.offset);
            grow(other.offset + other.counts.length - 1);
            for (int i = 0; i < other.counts.length; i++) {
                counts[other.offset - offset + i] += other.counts[i];
            }
        }
        zeroCount += other.zeroCount;
        count += other.count;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** The value at quantile q (0..1) by the lower-rank rule: the element at rank floor(q·(n−1)); NaN when empty. */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be within 0..1, got " + q);
        }
        if (count == 0) {
            return Double.NaN;
        }
        double rank = q * (count - 1);
        long seen = zeroCount;
        if (seen > rank) {
            return Math.max(0, min);
        }
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen > rank) {
                return clamp(value(i + offset));
            }
        }
        return max;
    }

    /**
     * How many values are above {@code threshold}. Values within the relative accuracy of the threshold share its
     * bucket and count as not above, so the answer errs towards fewer.
     */
    public long countAbove(double threshold) {
        if (threshold < MIN_POSITIVE) {
            return count - zeroCount;
        }
        int first = index(threshold) - offset + 1;
        long above = 0;
        for (int i = Math.max(0, first); i < counts.length; i++) {
            above += counts[i];
        }
        return above;
    }

    public long count() {
        return count;
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    public double relativeAccuracy() {
        return relativeAccuracy;
    }

    public QuantileSketch copy() {
        QuantileSketch copy = new QuantileSketch(relativeAccuracy);
        copy.merge(this);
        return copy;
    }

    int index(double value) {
        return (int) Math.ceil(Math.log(value) / logGamma);
    }

    /** The value a bucket stands for: within α of every value the bucket can hold. */
    double value(int index) {
        return 2 * Math.pow(gamma, index) / (gamma + 1);
    }

    private double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    private double lowestValue() {
        if (zeroCount > 0) {
            return 0;
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                return value(i + offset);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private double highestValue() {
        for (int i = counts.length - 1; i >= 0; i--) {
            if (counts[i] > 0) {
                return value(i + offset);
            }
        }
        return 0;
    }

    private void grow(int index) {
        if (counts.length == 0) {
            counts = new long[8];
            offset = index - 4;
            return;
        }
        if (index >= offset && index < offset + counts.length) {
            return;
        }
        int low = Math.min(offset, index);
        int high = Math.max(offset + counts.length - 1, index);
        int margin = Math.max(4, (high - low + 1) / 4);
        int newOffset = index < offset ? low - margin : offset;
        int newLength = (index < offset ? high - newOffset + 1 : high + margin - newOffset + 1);
        long[] grown = new long[newLength];
        System.arraycopy(counts, 0, grown, offset - newOffset, counts.length);
        counts = grown;
        offset = newOffset;
    }

    private static void requireValid(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("sketch values must be finite and non-negative, got " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantileSketch other && SketchCodec.encode(this).equals(SketchCodec.encode(other));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(SketchCodec.toBytes(this));
    }
}

package com.wedsync.perf.aggregation.histogram;

import com.wedsync.perf.aggregation.window.Sample;
import com.wedsync.perf.model.event.ServerHistogram;
import com.wedsync.perf.model.event.ServerHistogram.Explicit;
import com.wedsync.perf.model.event.ServerHistogram.Exponential;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A delta histogram point as weighted samples: each bucket with values is one sample standing for its count, at the
 * value that minimises the worst relative error inside the bucket — 2LU/(L+U) for a bucket (L, U], whose error is then
 * at most (U − L)/(U + L). The point's min and max narrow its outer buckets. An exponential bucket of scale s has
 * U/L = 2^(2^-s): scale 8 is within 0.14 %, scale 3 within 4.3 %. A bucket from 0, or without an upper bound, has no
 * relative bound: its error is stated as 1.
 */
public final class HistogramSamples {

    /** The stated error of a bucket with no relative bound. */
    public static final double UNBOUNDED = 1;

    private HistogramSamples() {
    }

    public static List<Sample> of(ServerHistogram delta) {
        List<Sample> samples = new ArrayList<>();
        Exponential exponential = delta.exponential();
        if (exponential != null) {
            if (exponential.zeroCount() > 0) {
                add(samples, delta, 0, exponential.zeroThreshold(), exponential.zeroCount());
            }
            for (int i = 0; i < exponential.counts().size(); i++) {
                long count = exponential.counts().get(i);
                if (count > 0) {
                    int index = exponential.offset() + i;
                    add(samples, delta, power(exponential.scale(), index), power(exponential.scale(), index + 1), count);
                }
            }
        } else {
            Explicit explicit = delta.explicit();
            List<Double> bounds = explicit.bounds();
            for (int i = 0; i < explicit.counts().size(); i++) {
                long count = explicit.counts().get(i);
                if (count > 0) {
                    add(samples, delta, i == 0 ? 0 : bounds.get(i - 1),
                            i == bounds.size() ? Double.POSITIVE_INFINITY : bounds.get(i), count);
                }
            }
        }
        return samples;
    }

    /** base^index, computed from the exponent so that large indexes keep their precision. */
    private static double power(int scale, int index) {
        return Math.pow(2, Math.scalb((double) index, -scale));
    }

    private static void add(List<Sample> samples, ServerHistogram point, double lower, double upper, long count) {
        double low = Math.max(0, lower);
        double high = upper;
        if (point.min() != null && point.min() > low && point.min() <= high) {
            low = point.min();
        }
        if (point.max() != null && point.max() < high && point.max() >= low) {
            high = point.max();
        }
        double value;
        double error;
        if (high <= 0 || high == low) {
            value = high <= 0 ? 0 : high;
            error = 0;
        } else if (Double.isInfinite(high)) {
            value = low;
            error = UNBOUNDED;
        } else if (low == 0) {
            value = high / 2;
            error = UNBOUNDED;
        } else {
            value = 2 * low * high / (low + high);
            error = (high - low) / (high + low);
        }
        samples.add(new Sample(point.tenant(), Source.SERVER, TrendKey.ALL, point.operation(), TrendKey.ALL,
                value * point.unitMs(), null, point.error(), null, point.receivedAt().toEpochMilli(), null, null,
                point.release(), null, count, error));
    }
}

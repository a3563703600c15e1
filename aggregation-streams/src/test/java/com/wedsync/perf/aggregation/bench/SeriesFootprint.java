package com.wedsync.perf.aggregation.bench;

import com.wedsync.perf.aggregation.window.SeriesAggregate;
import com.wedsync.perf.aggregation.window.StateSerdes;
import com.wedsync.perf.model.vitals.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Memory per active series: the encoded size of an open window (what the stores and changelogs hold) and the heap
 * of its deserialized form, for a busy minute and for an hour of LCP-like values.
 */
final class SeriesFootprint {

    private static final int SERIES = 20_000;

    private SeriesFootprint() {
    }

    static void print() {
        for (int samples : new int[] {20, 1_200}) {
            Random random = new Random(5);
            List<SeriesAggregate> aggregates = new ArrayList<>(SERIES);
            long heapBefore = usedHeap();
            long encoded = 0;
            for (int i = 0; i < SERIES; i++) {
                SeriesAggregate aggregate = new SeriesAggregate(0.01);
                for (int j = 0; j < samples; j++) {
                    aggregate.add(Math.exp(7.6 + 0.5 * random.nextGaussian()), Rating.GOOD, false);
                }
                aggregates.add(aggregate);
                encoded += StateSerdes.AGGREGATE.serializer().serialize("", aggregate).length;
            }
            long heap = usedHeap() - heapBefore;
            System.out.printf("RESULT series footprint: %,d samples per window -> %,d bytes encoded, ~%,d bytes on the heap "
                    + "per series window (%,d series)%n", samples, encoded / SERIES, heap / SERIES, aggregates.size());
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

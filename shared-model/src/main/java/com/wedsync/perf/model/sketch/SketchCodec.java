package com.wedsync.perf.model.sketch;

import java.util.Base64;

/**
 * The wire form of a {@link QuantileSketch}, carried base64-encoded in every TrendPoint:
 * version 1, relative accuracy (double), count, zero count, min, max, first bucket index (zig-zag),
 * number of buckets, then each bucket's count — all integers as unsigned LEB128 varints, doubles as 8 bytes
 * big-endian. Empty buckets at either end are trimmed, so equal sketches encode to equal bytes.
 */
public final class SketchCodec {

    private static final int VERSION = 1;

    private SketchCodec() {
    }

    public static String encode(QuantileSketch sketch) {
        return Base64.getEncoder().encodeToString(toBytes(sketch));
    }

    public static QuantileSketch decode(String base64) {
        return fromBytes(Base64.getDecoder().decode(base64));
    }

    public static byte[] toBytes(QuantileSketch sketch) {
        int first = 0;
        int last = sketch.counts.length - 1;
        while (first <= last && sketch.counts[first] == 0) {
            first++;
        }
        while (last >= first && sketch.counts[last] == 0) {
            last--;
        }
        BinaryWriter out = new BinaryWriter(40 + 2 * (last - first + 1));
        write(sketch, first, last, out);
        return out.toBytes();
    }

    public static void write(QuantileSketch sketch, BinaryWriter out) {
        out.raw(toBytes(sketch));
    }

    public static QuantileSketch read(BinaryReader in) {
        long version = in.varLong();
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown sketch encoding version " + version);
        }
        QuantileSketch sketch = new QuantileSketch(in.doubleValue());
        sketch.count = in.varLong();
        sketch.zeroCount = in.varLong();
        sketch.min = in.doubleValue();
        sketch.max = in.doubleValue();
        sketch.offset = Math.toIntExact(in.signedVarLong());
        int buckets = Math.toIntExact(in.varLong());
        if (buckets < 0 || buckets > 100_000) {
            throw new IllegalArgumentException("implausible bucket count " + buckets);
        }
        sketch.counts = new long[buckets];
        long total = sketch.zeroCount;
        for (int i = 0; i < buckets; i++) {
            sketch.counts[i] = in.varLong();
            total += sketch.counts[i];
        }
        if (total != sketch.count) {
            throw new IllegalArgumentException("bucket counts sum to " + total + " but the sketch says " + sketch.count);
        }
        return sketch;
    }

    public static QuantileSketch fromBytes(byte[] bytes) {
        return read(new BinaryReader(bytes));
    }

    private static void write(QuantileSketch sketch, int first, int last, BinaryWriter out) {
        out.varLong(VERSION)
                .doubleValue(sketch.relativeAccuracy())
                .varLong(sketch.count)
                .varLong(sketch.zeroCount)
                .doubleValue(sketch.min)
                .doubleValue(sketch.max)
                .signedVarLong(first <= last ? sketch.offset + first : 0)
                .varLong(Math.max(0, last - first + 1));
        for (int i = first; i <= last; i++) {
            out.varLong(sketch.counts[i]);
        }
    }
}

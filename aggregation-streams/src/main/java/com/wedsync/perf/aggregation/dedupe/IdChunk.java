package com.wedsync.perf.aggregation.dedupe;

import com.wedsync.perf.model.sketch.BinaryReader;
import com.wedsync.perf.model.sketch.BinaryWriter;
import java.util.Arrays;

/**
 * A batch of remembered ids as one changelog record: what a task learnt since its last commit, so remembering an id
 * costs a few bytes of a shared record rather than a record, a RocksDB write and a changelog send of its own.
 * The chunk carries its own dictionary of places; its newest minute says when all of it can be forgotten.
 * Format: version, newest minute, places (route, device), then per id: the id, its minute (back from the newest),
 * its value and its place in the chunk's dictionary.
 */
public final class IdChunk {

    private static final int VERSION = 1;

    private long[] ids;
    private int[] minutes;
    private double[] values;
    private int[] places;
    private int size;
    private int newestMinute = Integer.MIN_VALUE;

    public IdChunk(int capacity) {
        ids = new long[capacity];
        minutes = new int[capacity];
        values = new double[capacity];
        places = new int[capacity];
    }

    public void add(long id, int minute, double value, int place) {
        if (size == ids.length) {
            int grown = Math.max(16, size * 2);
            ids = Arrays.copyOf(ids, grown);
            minutes = Arrays.copyOf(minutes, grown);
            values = Arrays.copyOf(values, grown);
            places = Arrays.copyOf(places, grown);
        }
        ids[size] = id;
        minutes[size] = minute;
        values[size] = value;
        places[size] = place;
        newestMinute = Math.max(newestMinute, minute);
        size++;
    }

    public int size() {
        return size;
    }

    public int newestMinute() {
        return newestMinute;
    }

    public void clear() {
        size = 0;
        newestMinute = Integer.MIN_VALUE;
    }

    /** The chunk's bytes; {@code known} resolves the place numbers it was given. */
    public byte[] encode(Places known) {
        int[] local = new int[known.size()];
        Arrays.fill(local, -1);
        int[] used = new int[Math.min(known.size(), size)];
        int usedCount = 0;
        for (int i = 0; i < size; i++) {
            if (local[places[i]] < 0) {
                local[places[i]] = usedCount;
                used[usedCount++] = places[i];
            }
        }
        BinaryWriter out = new BinaryWriter(32 + size * 20);
        out.varLong(VERSION).signedVarLong(newestMinute).varLong(usedCount);
        for (int i = 0; i < usedCount; i++) {
            out.string(known.route(used[i])).string(known.device(used[i]));
        }
        out.varLong(size);
        for (int i = 0; i < size; i++) {
            out.fixedLong(ids[i]).varLong((long) newestMinute - minutes[i]).doubleValue(values[i]).varLong(local[places[i]]);
        }
        return out.toBytes();
    }

    /** What a chunk's bytes hold, each id given to {@code sink} with its place numbered in {@code known}. */
    public static int decode(byte[] bytes, Places known, Sink sink) {
        BinaryReader in = new BinaryReader(bytes);
        long version = in.varLong();
        if (version != VERSION) {
            throw new IllegalStateException("id chunk of unknown version " + version);
        }
        int newest = (int) in.signedVarLong();
        int[] dictionary = new int[(int) in.varLong()];
        for (int i = 0; i < dictionary.length; i++) {
            dictionary[i] = known.numberOf(in.string(), in.string());
        }
        long count = in.varLong();
        for (long i = 0; i < count; i++) {
            long id = in.fixedLong();
            int minute = (int) (newest - in.varLong());
            double value = in.doubleValue();
            sink.accept(id, minute, value, dictionary[(int) in.varLong()]);
        }
        return newest;
    }

    /** Receives the ids of a decoded chunk. */
    @FunctionalInterface
    public interface Sink {
        void accept(long id, int minute, double value, int place);
    }
}

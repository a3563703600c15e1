package com.wedsync.perf.aggregation.dedupe;

import java.util.Arrays;

/**
 * The web-vitals ids a partition remembers, in memory without an object per id: open addressing over parallel
 * arrays (id, minute, value, place), about 24 bytes a slot at most three quarters full. Ids are already 64-bit
 * hashes ({@code IdHash}), so their low bits pick the slot directly.
 */
public final class IdTable {

    private static final int EMPTY = Integer.MIN_VALUE;
    /** The lowest minute an id can have: rehashing from it keeps every id. */
    private static final int EVERY_MINUTE = EMPTY + 1;
    private static final int INITIAL_CAPACITY = 1 << 12;

    private long[] ids;
    private int[] minutes;
    private double[] values;
    private int[] places;
    private int size;

    public IdTable() {
        allocate(INITIAL_CAPACITY);
    }

    /** The slot holding this id, or -1. */
    public int find(long id) {
        int mask = ids.length - 1;
        for (int slot = slotOf(id, mask); minutes[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (ids[slot] == id) {
                return slot;
            }
        }
        return -1;
    }

    public int minute(int slot) {
        return minutes[slot];
    }

    public double value(int slot) {
        return values[slot];
    }

    public int place(int slot) {
        return places[slot];
    }

    /** Remembers an id, replacing what it held. {@code minute} is minutes since the epoch, never {@link Integer#MIN_VALUE}. */
    public void put(long id, int minute, double value, int place) {
        if (minute == EMPTY) {
            throw new IllegalArgumentException("minute out of range");
        }
        if ((size + 1) * 4L > ids.length * 3L) {
            rehash(ids.length * 2, EVERY_MINUTE);
        }
        int mask = ids.length - 1;
        int slot = slotOf(id, mask);
        while (minutes[slot] != EMPTY && ids[slot] != id) {
            slot = (slot + 1) & mask;
        }
        if (minutes[slot] == EMPTY) {
            size++;
        }
        ids[slot] = id;
        minutes[slot] = minute;
        values[slot] = value;
        places[slot] = place;
    }

    /** Forgets every id last counted in a minute before this one; returns how many were forgotten. */
    public int forgetBefore(int minute) {
        int before = size;
        long kept = countFrom(minute);
        int capacity = ids.length;
        while (capacity > INITIAL_CAPACITY && kept * 4 < capacity) {
            capacity /= 2; // shrink after a peak, keeping at most half full
        }
        rehash(capacity, minute);
        return before - size;
    }

    public int size() {
        return size;
    }

    public void clear() {
        allocate(INITIAL_CAPACITY);
    }

    /** Bytes held by the arrays: what a remembered id costs. */
    public long footprintBytes() {
        return (long) ids.length * (Long.BYTES + Integer.BYTES + Double.BYTES + Integer.BYTES);
    }

    private int countFrom(int minute) {
        int count = 0;
        for (int slot = 0; slot < minutes.length; slot++) {
            if (minutes[slot] != EMPTY && minutes[slot] >= minute) {
                count++;
            }
        }
        return count;
    }

    /** Moves every id of minute {@code keepFrom} or later into fresh arrays of this capacity. */
    private void rehash(int capacity, int keepFrom) {
        long[] oldIds = ids;
        int[] oldMinutes = minutes;
        double[] oldValues = values;
        int[] oldPlaces = places;
        allocate(capacity);
        int mask = capacity - 1;
        for (int old = 0; old < oldIds.length; old++) {
            if (oldMinutes[old] == EMPTY || oldMinutes[old] < keepFrom) {
                continue;
            }
            int slot = slotOf(oldIds[old], mask);
            while (minutes[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            ids[slot] = oldIds[old];
            minutes[slot] = oldMinutes[old];
            values[slot] = oldValues[old];
            places[slot] = oldPlaces[old];
            size++;
        }
    }

    private void allocate(int capacity) {
        ids = new long[capacity];
        minutes = new int[capacity];
        values = new double[capacity];
        places = new int[capacity];
        Arrays.fill(minutes, EMPTY);
        size = 0;
    }

    private static int slotOf(long id, int mask) {
        return (int) (id ^ (id >>> 32)) & mask;
    }
}

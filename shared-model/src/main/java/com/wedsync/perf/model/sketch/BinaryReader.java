package com.wedsync.perf.model.sketch;

import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryWriter} wrote; a truncated or corrupt input is an {@link IllegalArgumentException}. */
public final class BinaryReader {

    private final byte[] bytes;
    private int position;

    public BinaryReader(byte[] bytes) {
        this.bytes = bytes;
    }

    public long varLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = next();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed variable-length integer at byte " + position);
    }

    /** The next variable-length integer, left to be read again. */
    public long peekVarLong() {
        int start = position;
        long value = varLong();
        position = start;
        return value;
    }

    public long signedVarLong() {
        long raw = varLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    public double doubleValue() {
        return Double.longBitsToDouble(fixedLong());
    }

    public long fixedLong() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (next() & 0xFF);
        }
        return value;
    }

    public String string() {
        int length = Math.toIntExact(varLong());
        if (length < 0 || length > bytes.length - position) {
            throw new IllegalArgumentException("string of " + length + " bytes runs past the end at byte " + position);
        }
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    public boolean hasMore() {
        return position < bytes.length;
    }

    private byte next() {
        if (position >= bytes.length) {
            throw new IllegalArgumentException("input ends after " + bytes.length + " bytes");
        }
        return bytes[position++];
    }
}

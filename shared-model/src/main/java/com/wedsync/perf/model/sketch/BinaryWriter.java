package com.wedsync.perf.model.sketch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with variable-length integers: the compact encoding of sketches and state-store values. */
public final class BinaryWriter {

    private byte[] bytes;
    private int size;

    public BinaryWriter(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public BinaryWriter varLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
        return this;
    }

    /** Zig-zag encoded, so small negative numbers stay short. */
    public BinaryWriter signedVarLong(long value) {
        return varLong((value << 1) ^ (value >> 63));
    }

    public BinaryWriter doubleValue(double value) {
        return fixedLong(Double.doubleToLongBits(value));
    }

    public BinaryWriter fixedLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public BinaryWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varLong(utf8.length);
        return raw(utf8);
    }

    public BinaryWriter raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

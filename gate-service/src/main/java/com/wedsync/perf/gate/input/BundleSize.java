package com.wedsync.perf.gate.input;

/** One built file and its size in bytes. */
public record BundleSize(String name, long bytes) {
}

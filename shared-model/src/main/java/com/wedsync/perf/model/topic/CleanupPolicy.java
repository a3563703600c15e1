package com.wedsync.perf.model.topic;

/** Kafka's {@code cleanup.policy}: delete old segments by retention, or keep the latest record per key. */
public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact");

    private final String config;

    CleanupPolicy(String config) {
        this.config = config;
    }

    /** The value of the {@code cleanup.policy} topic config. */
    public String config() {
        return config;
    }
}

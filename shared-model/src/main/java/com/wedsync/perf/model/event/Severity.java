package com.wedsync.perf.model.event;

/** How urgent an alert is, lowest first; wedding days raise an alert one level. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** One level more urgent, staying at critical. */
    public Severity raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}

package com.wedsync.perf.model.event;

/** Where an alert is in its lifecycle: pending → firing → acknowledged → resolved. */
public enum AlertState {
    PENDING,
    FIRING,
    ACKNOWLEDGED,
    RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}

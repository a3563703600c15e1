package com.wedsync.perf.model.event;

/** Where a CI validation stands; passed, failed and blocked are final. */
public enum GateStatus {
    QUEUED,
    RUNNING,
    PASSED,
    FAILED,
    BLOCKED;

    public boolean isFinal() {
        return this == PASSED || this == FAILED || this == BLOCKED;
    }
}

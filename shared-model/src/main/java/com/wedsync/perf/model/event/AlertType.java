package com.wedsync.perf.model.event;

/** What kind of condition raised an alert. */
public enum AlertType {
    THRESHOLD_BREACH,
    REGRESSION,
    ANOMALY,
    INTERFERENCE,
    SLO_BURN
}

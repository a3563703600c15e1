package com.wedsync.perf.model.event;

/** Whether a scheduled wedding is still going ahead. */
public enum WeddingStatus {
    SCHEDULED,
    CANCELLED
}

package com.wedsync.perf.model.event;

/** A tenant's plan; premium tenants get their own SLA thresholds and isolation guarantees. */
public enum Tier {
    STANDARD,
    PREMIUM
}

package com.wedsync.perf.model.event;

/** What happened to a deployment: it went out, was verified by real-user metrics, or should be rolled back. */
public enum DeploymentStatus {
    DEPLOYED,
    VERIFIED,
    ROLLBACK_RECOMMENDED,
    ROLLED_BACK
}

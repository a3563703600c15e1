package com.wedsync.perf.model.vitals;

/** The public three-way rating of a Web Vitals value: good, needs improvement, poor. */
public enum Rating {
    GOOD,
    NEEDS_IMPROVEMENT,
    POOR
}

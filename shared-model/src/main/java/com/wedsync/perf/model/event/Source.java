package com.wedsync.perf.model.event;

/** Where a trend's samples came from: real browsers or WedSync's back ends. */
public enum Source {
    RUM,
    SERVER
}

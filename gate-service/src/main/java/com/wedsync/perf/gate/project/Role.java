package com.wedsync.perf.gate.project;

/** What a project token may do: read results; also submit builds and deployments (CI); also change budgets and tokens. */
public enum Role {
    READ, CI, ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }
}

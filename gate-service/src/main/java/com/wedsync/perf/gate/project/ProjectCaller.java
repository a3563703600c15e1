package com.wedsync.perf.gate.project;

/** Who acts on a project, as the gate records it with what it submits: ops, a project token with its role, or an inbound hook. */
public record ProjectCaller(String project, Role role, String name) {

    public static ProjectCaller ops() {
        return new ProjectCaller(null, Role.ADMIN, "ops");
    }

    public boolean isOps() {
        return project == null;
    }
}

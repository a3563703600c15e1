package com.wedsync.perf.gate.project;

/** Who is calling: the ops token (every project, admin) or a project token with its role. */
public record Caller(String project, Role role, String name) {

    public static Caller ops() {
        return new Caller(null, Role.ADMIN, "ops");
    }

    public boolean isOps() {
        return project == null;
    }
}

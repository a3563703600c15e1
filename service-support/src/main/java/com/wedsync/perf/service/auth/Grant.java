package com.wedsync.perf.service.auth;

import com.wedsync.perf.model.event.TokenScope;

/** A kind of credential an endpoint admits; an endpoint lists the ones it admits in {@link Access}. */
public enum Grant {
    /** The ops token ({@code PERF_OPS_TOKEN}): every tenant and project. */
    OPS("the ops token"),
    /** A tenant token of any scope, for its own tenant. */
    TENANT_READ("a tenant token"),
    /** A tenant token of scope write or admin, for its own tenant. */
    TENANT_WRITE("a tenant token with the write scope"),
    /** A tenant token of scope admin, for its own tenant. */
    TENANT_ADMIN("a tenant token with the admin scope"),
    /** A tenant's server key: WedSync's back ends reporting for that tenant. */
    SERVER_KEY("the tenant's server key"),
    /** The KEDA scaling token ({@code SCALING_KEDA_TOKEN}): scaling metrics of any tenant, nothing else. */
    KEDA("the KEDA token"),
    /** A gate project token of any role, for its own project. */
    PROJECT_READ("a project token"),
    /** A gate project token of role ci or admin, for its own project. */
    PROJECT_CI("a project ci token"),
    /** A gate project token of role admin, for its own project. */
    PROJECT_ADMIN("a project admin token");

    private final String description;

    Grant(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The grants a tenant token of this scope holds. */
    public static java.util.Set<Grant> ofTenantScope(TokenScope scope) {
        return switch (scope) {
            case READ -> java.util.EnumSet.of(TENANT_READ);
            case WRITE -> java.util.EnumSet.of(TENANT_READ, TENANT_WRITE);
            case ADMIN -> java.util.EnumSet.of(TENANT_READ, TENANT_WRITE, TENANT_ADMIN);
        };
    }
}

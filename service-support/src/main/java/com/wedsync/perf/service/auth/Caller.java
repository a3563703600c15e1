package com.wedsync.perf.service.auth;

import com.wedsync.perf.service.api.ApiException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the bearer token says: its name (recorded as the actor of what it changes), the tenant or
 * project it belongs to ({@code null} for ops and KEDA, which span tenants) and what it may do.
 */
public record Caller(String name, Kind kind, String owner, Set<Grant> grants) {

    public enum Kind { OPS, TENANT, SERVER_KEY, KEDA, PROJECT }

    public Caller {
        grants = Collections.unmodifiableSet(EnumSet.copyOf(grants));
    }

    public static Caller ops() {
        return new Caller("ops", Kind.OPS, null, EnumSet.of(Grant.OPS));
    }

    public boolean isOps() {
        return kind == Kind.OPS;
    }

    public boolean holdsAny(Grant... needed) {
        for (Grant grant : needed) {
            if (grants.contains(grant)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Admits the request to this tenant's data. A tenant credential asking for another tenant gets the same 404 as a
     * tenant that does not exist: no hint that it does.
     */
    public void requireTenant(String tenantId) {
        if (kind == Kind.PROJECT || (owner != null && !owner.equals(tenantId))) {
            throw ApiException.notFound("no data for tenant '" + tenantId + "'");
        }
    }

    /** The one tenant this caller may see, or empty when it spans tenants (ops, KEDA). */
    public Optional<String> tenantScope() {
        if (kind == Kind.PROJECT) {
            throw ApiException.forbidden("tenant_token_needed", "a project token reads no tenant's data");
        }
        return Optional.ofNullable(owner);
    }

    /** Admits the request to this project; a token of another project gets the 404 of a project that does not exist. */
    public void requireProject(String project) {
        if (kind != Kind.OPS && !(kind == Kind.PROJECT && owner.equals(project))) {
            throw ApiException.notFound("no project '" + project + "'");
        }
    }
}

package com.wedsync.perf.service.auth;

import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may read what: the ops token reads every tenant; a tenant's read token reads only that tenant, and asking
 * for another tenant's data gets the same 404 as a tenant that does not exist — no hint that it does.
 */
@ApplicationScoped
public class ReadAccess {

    private final OpsAuthorization ops;
    private final TenantDirectory tenants;

    public ReadAccess(OpsAuthorization ops, TenantDirectory tenants) {
        this.ops = ops;
        this.tenants = tenants;
    }

    /** Admits the request to this tenant's data, or refuses it (401 for an unknown token, 404 for a foreign tenant). */
    public void requireTenant(String authorization, String tenantId) {
        if (ops.isOps(authorization)) {
            return;
        }
        TenantConfig tenant = tenantOf(authorization);
        if (!tenant.tenantId().equals(tenantId)) {
            throw ApiException.notFound("no data for tenant '" + tenantId + "'");
        }
    }

    /** Admits only the ops token, for views that span tenants. */
    public void requireOps(String authorization) {
        if (!ops.isOps(authorization)) {
            tenantOf(authorization);
            throw ApiException.forbidden("ops_only", "this view spans tenants; it needs the ops token");
        }
    }

    /** The one tenant this token may see, or empty for the ops token (every tenant); 401 for an unknown token. */
    public java.util.Optional<String> scope(String authorization) {
        if (ops.isOps(authorization)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(tenantOf(authorization).tenantId());
    }

    private TenantConfig tenantOf(String authorization) {
        return tenants.byReadToken(BearerToken.from(authorization))
                .orElseThrow(() -> ApiException.unauthorized("the bearer token is neither the ops token nor a tenant's read token"));
    }
}

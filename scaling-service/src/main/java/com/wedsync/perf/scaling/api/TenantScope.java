package com.wedsync.perf.scaling.api;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.ReadAccess;
import jakarta.enterprise.context.ApplicationScoped;

/** Which tenant a request may see: its own with a tenant token; any, or the platform ({@code *}), with the ops token. */
@ApplicationScoped
public class TenantScope {

    private final ReadAccess access;

    public TenantScope(ReadAccess access) {
        this.access = access;
    }

    public String require(String authorization, String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return access.scope(authorization).orElseThrow(() -> ApiException.badRequest("missing_tenant",
                    "query parameter 'tenant' is required with the ops token ('*' for the platform)"));
        }
        if (ScalingRecommendation.PLATFORM.equals(tenant)) {
            access.requireOps(authorization);
        } else {
            access.requireTenant(authorization, tenant);
        }
        return tenant;
    }
}

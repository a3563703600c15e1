package com.wedsync.perf.scaling.api;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Caller;
import com.wedsync.perf.service.auth.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which tenant a request may see: its own with a tenant token; any, or the platform ({@code *}), with the ops token
 * (and, on the KEDA endpoint only, the KEDA token).
 */
@ApplicationScoped
public class TenantScope {

    private final CurrentCaller caller;

    public TenantScope(CurrentCaller caller) {
        this.caller = caller;
    }

    public String require(String tenant) {
        Caller who = caller.get();
        if (tenant == null || tenant.isBlank()) {
            return who.tenantScope().orElseThrow(() -> ApiException.badRequest("missing_tenant",
                    "query parameter 'tenant' is required with the ops token ('*' for the platform)"));
        }
        if (ScalingRecommendation.PLATFORM.equals(tenant) && who.owner() != null) {
            throw ApiException.forbidden("ops_only", "the platform's view ('*') spans tenants; it needs the ops token");
        }
        who.requireTenant(tenant);
        return tenant;
    }
}

package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.service.tenant.TenantDirectory;

import com.wedsync.perf.service.auth.BearerToken;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.model.event.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds the tenant whose secret server key a back end presents as its bearer token. */
@ApplicationScoped
public class ServerKeyAuthorization {

    private final TenantDirectory tenants;

    public ServerKeyAuthorization(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    public TenantConfig tenant(String authorization) {
        return tenants.byServerKey(BearerToken.from(authorization))
                .orElseThrow(() -> new ApiException(403, "unknown_key", "the server key is unknown or was rotated"));
    }
}

package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.service.auth.Caller;
import com.wedsync.perf.service.auth.CredentialResolver;
import com.wedsync.perf.service.auth.Grant;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Optional;

/** A tenant's secret server key, which WedSync back ends present to report timings and weddings for that tenant. */
@ApplicationScoped
public class ServerKeyCredentials implements CredentialResolver {

    private final TenantDirectory tenants;

    public ServerKeyCredentials(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<Caller> resolve(String token) {
        return tenants.byServerKey(token).map(tenant -> new Caller(tenant.tenantId() + "/server-key",
                Caller.Kind.SERVER_KEY, tenant.tenantId(), EnumSet.of(Grant.SERVER_KEY)));
    }
}

package com.wedsync.perf.service.auth;

import com.wedsync.perf.service.tenant.TenantDirectory;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Tenant tokens, from the tenant directory: a token admits its own tenant with its scope, and is named in what it
 * changes as {@code <tenant>/<token name>}. Services without tenant views (the gate) leave it out at build time.
 */
@ApplicationScoped
@IfBuildProperty(name = "perf.auth.tenant-tokens", stringValue = "true", enableIfMissing = true)
public class TenantTokenCredentials implements CredentialResolver {

    private final TenantDirectory tenants;

    public TenantTokenCredentials(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<Caller> resolve(String token) {
        return tenants.byToken(token).map(held -> new Caller(held.tenant().tenantId() + "/" + held.token().name(),
                Caller.Kind.TENANT, held.tenant().tenantId(), Grant.ofTenantScope(held.token().scope())));
    }
}

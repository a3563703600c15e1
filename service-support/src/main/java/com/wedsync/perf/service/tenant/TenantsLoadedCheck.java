package com.wedsync.perf.service.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once every tenant on the topic is known: before that, valid keys would be refused as unknown. */
@Readiness
@ApplicationScoped
public class TenantsLoadedCheck implements HealthCheck {

    private final TenantDirectory directory;

    public TenantsLoadedCheck(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("tenants")
                .status(directory.isLoaded())
                .withData("tenants", directory.size())
                .build();
    }
}

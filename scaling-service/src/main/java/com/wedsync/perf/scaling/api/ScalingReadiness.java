package com.wedsync.perf.scaling.api;

import com.wedsync.perf.scaling.wedding.WeddingBook;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the wedding schedule is read (the intake's own readiness is {@code ScalingIntakeFreshness}). */
@Readiness
@ApplicationScoped
public class ScalingReadiness implements HealthCheck {

    private final WeddingBook weddings;

    public ScalingReadiness(WeddingBook weddings) {
        this.weddings = weddings;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("weddings").status(weddings.isLoaded())
                .withData("weddings", weddings.isLoaded() ? weddings.all().size() : -1).build();
    }
}

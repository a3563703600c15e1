package com.wedsync.perf.scaling.api;

import com.wedsync.perf.scaling.load.ScalingIntake;
import com.wedsync.perf.scaling.wedding.WeddingBook;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the wedding schedule is read and the intake has its share of the trends and alerts. */
@Readiness
@ApplicationScoped
public class ScalingReadiness implements HealthCheck {

    private final WeddingBook weddings;
    private final ScalingIntake intake;

    public ScalingReadiness(WeddingBook weddings, ScalingIntake intake) {
        this.weddings = weddings;
        this.intake = intake;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("scaling-inputs").status(weddings.isLoaded() && intake.isAssigned())
                .withData("weddings", weddings.isLoaded() ? weddings.all().size() : -1)
                .withData("intakeAssigned", intake.isAssigned()).build();
    }
}

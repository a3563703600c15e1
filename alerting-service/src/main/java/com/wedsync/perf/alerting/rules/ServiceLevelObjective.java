package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.event.Tier;

/**
 * A tenant's server objectives: the share of requests that must succeed, and the share that must be faster than
 * {@code latencyMs}. Premium tenants' SLA is stricter.
 */
public record ServiceLevelObjective(double availability, double latencyMs, double fastShare) {

    public static final ServiceLevelObjective STANDARD = new ServiceLevelObjective(0.995, 3000, 0.99);
    public static final ServiceLevelObjective PREMIUM = new ServiceLevelObjective(0.999, 1000, 0.99);

    public static ServiceLevelObjective of(Tier tier) {
        return tier == Tier.PREMIUM ? PREMIUM : STANDARD;
    }
}

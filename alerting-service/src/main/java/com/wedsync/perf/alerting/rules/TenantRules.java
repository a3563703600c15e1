package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.model.event.Tier;
import com.wedsync.perf.service.tenant.TenantDirectory;
import com.wedsync.perf.model.event.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's effective rules: its tier's defaults (from configuration) under its own overrides. */
@ApplicationScoped
public class TenantRules {

    private final RuleStore store;
    private final TenantDirectory tenants;
    private final AlertingConfig config;

    public TenantRules(RuleStore store, TenantDirectory tenants, AlertingConfig config) {
        this.store = store;
        this.tenants = tenants;
        this.config = config;
    }

    public EffectiveRules of(String tenant) {
        Tier tier = tenants.byId(tenant).map(TenantConfig::tier).orElse(Tier.STANDARD);
        return EffectiveRules.of(tier, config.forDuration(), config.keepFiringFor(), config.minSamples(),
                store.overrides(tenant));
    }
}

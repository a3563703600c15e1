package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.Tier;
import com.wedsync.perf.service.tenant.TenantDirectory;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A tenant's effective rules: its tier's defaults (from configuration) under its own overrides. The intake asks with
 * every trend point, so {@link #of} keeps them for {@code ALERTING_RULES_FRESH} (cache {@value #CACHE}); a change saved
 * through this instance is forgotten when it commits ({@link RuleStore#save}), one saved through another instance
 * is seen when the entry expires. The API reads {@link #current}.
 */
@ApplicationScoped
public class TenantRules {

    public static final String CACHE = "tenant-rules";

    private final RuleStore store;
    private final TenantDirectory tenants;
    private final AlertingConfig config;

    public TenantRules(RuleStore store, TenantDirectory tenants, AlertingConfig config) {
        this.store = store;
        this.tenants = tenants;
        this.config = config;
    }

    /** The rules the intake applies, at most {@code ALERTING_RULES_FRESH} old. */
    @CacheResult(cacheName = CACHE)
    public EffectiveRules of(String tenant) {
        return current(tenant);
    }

    /** The rules as stored now. */
    public EffectiveRules current(String tenant) {
        return with(tenant, store.overrides(tenant));
    }

    /** The rules {@code overrides} would give the tenant. */
    public EffectiveRules with(String tenant, RuleOverrides overrides) {
        Tier tier = tenants.byId(tenant).map(TenantConfig::tier).orElse(Tier.STANDARD);
        return EffectiveRules.of(tier, config.forDuration(), config.keepFiringFor(), config.minSamples(), overrides);
    }
}

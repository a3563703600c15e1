package com.wedsync.perf.service.tenant;

import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.TenantToken;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of the tenants and their key lookups; replaced whole, read without locks. */
public record TenantIndex(Map<String, TenantConfig> byId, Map<String, TenantConfig> byIngestKey,
                   Map<String, TenantConfig> byServerKeyHash, Map<String, TokenHolder> byTokenHash) {

    /** A token with the tenant it belongs to. */
    public record TokenHolder(TenantConfig tenant, TenantToken token) {
    }

    static final TenantIndex EMPTY = new TenantIndex(Map.of(), Map.of(), Map.of(), Map.of());

    /** A new snapshot with these tenants replaced, or removed where the change is empty (a tombstone). */
    TenantIndex with(Map<String, Optional<TenantConfig>> changes) {
        Map<String, TenantConfig> tenants = new HashMap<>(byId);
        changes.forEach((id, tenant) -> {
            if (tenant.isPresent()) {
                tenants.put(id, tenant.get());
            } else {
                tenants.remove(id);
            }
        });
        Map<String, TenantConfig> ingestKeys = new HashMap<>();
        Map<String, TenantConfig> serverKeys = new HashMap<>();
        Map<String, TokenHolder> tokens = new HashMap<>();
        for (TenantConfig tenant : tenants.values()) {
            tenant.ingestKeys().forEach(key -> ingestKeys.put(key, tenant));
            tenant.allTokens().forEach(token -> tokens.put(token.hash(), new TokenHolder(tenant, token)));
            if (tenant.serverKeyHash() != null) {
                serverKeys.put(tenant.serverKeyHash(), tenant);
            }
        }
        return new TenantIndex(Map.copyOf(tenants), Map.copyOf(ingestKeys), Map.copyOf(serverKeys),
                Map.copyOf(tokens));
    }
}

package com.wedsync.perf.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A WedSync tenant as every service knows it, from the compacted {@code perf.tenants.v1}.
 * Secrets appear only as hashes; public ingest keys are not secret (they ship in web pages).
 *
 * @param ingestKeys public keys browsers send with RUM beacons; removing one revokes it
 * @param allowedOrigins the only origins whose browsers may report for this tenant
 * @param serverKeyHash hash of the secret key WedSync back ends use for server timings
 * @param readTokenHashes hashes of unnamed read-only tokens (the form before scoped tokens; still honoured)
 * @param tokens the tenant's named bearer tokens, each with its scope
 */
public record TenantConfig(
        String tenantId,
        String name,
        Tier tier,
        List<String> ingestKeys,
        List<String> allowedOrigins,
        String serverKeyHash,
        List<String> readTokenHashes,
        RateLimits rateLimits,
        Instant updatedAt,
        List<TenantToken> tokens) {

    /** Caps what one tenant can make every service hold in memory. */
    public static final int MAX_TOKENS = 50;

    public TenantConfig {
        Require.text(tenantId, "tenantId");
        Require.text(name, "name");
        tier = tier == null ? Tier.STANDARD : tier;
        ingestKeys = Require.listOrEmpty(ingestKeys);
        allowedOrigins = Require.listOrEmpty(allowedOrigins);
        readTokenHashes = Require.listOrEmpty(readTokenHashes);
        rateLimits = rateLimits == null ? RateLimits.DEFAULT : rateLimits;
        Require.present(updatedAt, "updatedAt");
        tokens = Require.listOrEmpty(tokens);
        if (tokens.size() + readTokenHashes.size() > MAX_TOKENS) {
            throw new IllegalArgumentException("a tenant has at most " + MAX_TOKENS + " tokens");
        }
        if (tokens.stream().map(TenantToken::name).distinct().count() < tokens.size()) {
            throw new IllegalArgumentException("token names must be unique within a tenant");
        }
    }

    /** A tenant without named tokens (records written before scopes, and tests). */
    public TenantConfig(String tenantId, String name, Tier tier, List<String> ingestKeys, List<String> allowedOrigins,
                        String serverKeyHash, List<String> readTokenHashes, RateLimits rateLimits, Instant updatedAt) {
        this(tenantId, name, tier, ingestKeys, allowedOrigins, serverKeyHash, readTokenHashes, rateLimits, updatedAt,
                List.of());
    }

    /**
     * Every token of the tenant, the unnamed read tokens of older records included as {@code legacy-read-1}, {@code legacy-read-2}…
     * with the {@code READ} scope.
     */
    @JsonIgnore
    public List<TenantToken> allTokens() {
        if (readTokenHashes.isEmpty()) {
            return tokens;
        }
        List<TenantToken> all = new java.util.ArrayList<>(tokens);
        for (int i = 0; i < readTokenHashes.size(); i++) {
            all.add(new TenantToken("legacy-read-" + (i + 1), TokenScope.READ, readTokenHashes.get(i), updatedAt));
        }
        return List.copyOf(all);
    }

    /** The same tenant with these named tokens (the unnamed read tokens kept), changed at {@code at}. */
    public TenantConfig withTokens(List<TenantToken> newTokens, Instant at) {
        return new TenantConfig(tenantId, name, tier, ingestKeys, allowedOrigins, serverKeyHash, readTokenHashes,
                rateLimits, at, newTokens);
    }

    @JsonIgnore
    public boolean isPremium() {
        return tier == Tier.PREMIUM;
    }
}

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
 * @param readTokenHashes hashes of the bearer tokens that may read this tenant's data
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
        Instant updatedAt) {

    public TenantConfig {
        Require.text(tenantId, "tenantId");
        Require.text(name, "name");
        tier = tier == null ? Tier.STANDARD : tier;
        ingestKeys = Require.listOrEmpty(ingestKeys);
        allowedOrigins = Require.listOrEmpty(allowedOrigins);
        readTokenHashes = Require.listOrEmpty(readTokenHashes);
        rateLimits = rateLimits == null ? RateLimits.DEFAULT : rateLimits;
        Require.present(updatedAt, "updatedAt");
    }

    @JsonIgnore
    public boolean isPremium() {
        return tier == Tier.PREMIUM;
    }
}

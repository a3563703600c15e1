package com.wedsync.perf.ingest.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.model.event.RateLimits;
import com.wedsync.perf.model.event.TenantConfig;
import java.time.Instant;
import java.util.List;

/**
 * A tenant as the admin API shows it: never a stored hash; a secret only in the answer that generated it.
 *
 * @param generatedServerKey the new server key, when this request generated one
 * @param generatedReadToken the new read token, when this request generated one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantView(String tenantId, String name, String tier, List<String> ingestKeys,
                         List<String> allowedOrigins, int readTokens, RateLimits rateLimits, Instant updatedAt,
                         String generatedServerKey, String generatedReadToken) {

    static TenantView of(TenantConfig tenant, String generatedServerKey, String generatedReadToken) {
        return new TenantView(tenant.tenantId(), tenant.name(), tenant.tier().name().toLowerCase(),
                tenant.ingestKeys(), tenant.allowedOrigins(), tenant.readTokenHashes().size(), tenant.rateLimits(),
                tenant.updatedAt(), generatedServerKey, generatedReadToken);
    }
}

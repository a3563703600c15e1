package com.wedsync.perf.ingest.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.model.event.RateLimits;
import com.wedsync.perf.model.event.TenantConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant as the admin API shows it: never a stored hash; a secret only in the answer that generated it.
 *
 * @param tokens the tenant's tokens, by name and scope
 * @param generatedServerKey the new server key, when this request generated one
 * @param generatedReadToken the new read token, when this request generated one (also in generatedTokens)
 * @param generatedTokens the tokens this request generated, by name: a new tenant gets {@code admin}, {@code write}
 *                        and {@code read}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantView(String tenantId, String name, String tier, List<String> ingestKeys,
                         List<String> allowedOrigins, List<TokenView> tokens, RateLimits rateLimits, Instant updatedAt,
                         String generatedServerKey, String generatedReadToken, Map<String, String> generatedTokens) {

    static TenantView of(TenantConfig tenant, Map<String, String> generated) {
        String serverKey = generated.get(TenantRegistration.SERVER_KEY);
        Map<String, String> tokens = new java.util.LinkedHashMap<>(generated);
        tokens.remove(TenantRegistration.SERVER_KEY);
        return new TenantView(tenant.tenantId(), tenant.name(), tenant.tier().name().toLowerCase(),
                tenant.ingestKeys(), tenant.allowedOrigins(),
                tenant.allTokens().stream().map(token -> TokenView.of(token, null)).toList(), tenant.rateLimits(),
                tenant.updatedAt(), serverKey, tokens.get("read"), tokens.isEmpty() ? null : tokens);
    }
}

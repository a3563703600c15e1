package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.model.event.RateLimits;
import java.util.List;

/**
 * The body of {@code PUT /v1/admin/tenants/{id}}. Omitted secrets keep the tenant's current ones; a new tenant
 * without them gets generated ones (a server key and an admin, a write and a read token), shown once in the answer.
 *
 * @param tier {@code standard} (default) or {@code premium}
 * @param ingestKeys public keys browsers send; replacing the list revokes the keys left out
 * @param allowedOrigins {@code scheme://host[:port]} of the pages allowed to report
 * @param serverKey the secret WedSync back ends use for server timings and weddings
 * @param readTokens unnamed read-only tokens (the form before named tokens); replaces the unnamed ones
 * @param tokens named tokens with scopes; replaces the named ones (a token without a secret gets a generated one)
 */
public record TenantRequest(String name, String tier, List<String> ingestKeys, List<String> allowedOrigins,
                            String serverKey, List<String> readTokens, RateLimits rateLimits, List<TokenRequest> tokens) {
}

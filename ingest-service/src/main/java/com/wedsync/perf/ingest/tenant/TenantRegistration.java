package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.service.tenant.TenantDirectory;

import com.wedsync.perf.service.auth.SecretHash;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.ingest.audit.TenantAudit;
import com.wedsync.perf.model.event.TenantToken;
import com.wedsync.perf.model.event.TokenScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/** Turns a registration into a TenantConfig with hashed secrets and publishes it durably. */
@ApplicationScoped
public class TenantRegistration {

    private static final Logger LOG = Logger.getLogger(TenantRegistration.class);

    /** Where the generated server key goes among the generated secrets of an answer. */
    static final String SERVER_KEY = "#server-key";

    private final TenantPublication publication;
    private final TenantDirectory directory;
    private final TenantAudit audit;
    private final Clock clock = Clock.systemUTC();

    public TenantRegistration(TenantPublication publication, TenantDirectory directory, TenantAudit audit) {
        this.publication = publication;
        this.audit = audit;
        this.directory = directory;
    }

    public CompletionStage<TenantView> register(String id, TenantRequest request, String actor) {
        String tenantId = TenantValidation.tenantId(id);
        Optional<TenantConfig> existing = directory.byId(tenantId);
        Instant now = Instant.now(clock);
        Map<String, String> generated = new LinkedHashMap<>();
        String serverKey = TenantValidation.secret(request.serverKey(), "serverKey");
        if (serverKey == null && existing.map(TenantConfig::serverKeyHash).isEmpty()) {
            serverKey = SecretHash.newSecret("sk_");
            generated.put(SERVER_KEY, serverKey);
        }
        String serverKeyHash = serverKey != null ? SecretHash.of(serverKey) : existing.get().serverKeyHash();
        List<String> readTokenHashes = request.readTokens() != null
                ? request.readTokens().stream().map(token -> SecretHash.of(TenantValidation.secret(token, "readTokens"))).toList()
                : existing.map(TenantConfig::readTokenHashes).orElse(List.of());
        List<TenantToken> tokens = tokens(request, existing, now, generated);
        TenantConfig tenant;
        try {
            tenant = new TenantConfig(tenantId, TenantValidation.name(request.name()),
                    TenantValidation.tier(request.tier()), TenantValidation.ingestKeys(request.ingestKeys()),
                    TenantValidation.origins(request.allowedOrigins()), serverKeyHash, readTokenHashes,
                    request.rateLimits(), now, tokens);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", e.getMessage());
        }
        TenantView before = existing.map(t -> TenantView.of(t, Map.of())).orElse(null);
        return publication.publish(tenant).thenComposeAsync(published -> audit.record(actor, tenantId,
                existing.isPresent() ? "update_tenant" : "register_tenant", tenantId, before, TenantView.of(tenant, Map.of())))
                .thenApply(audited -> {
            LOG.infof("tenant %s %s (tier %s, %d ingest keys, %d origins, %d tokens)", tenantId,
                    existing.isPresent() ? "updated" : "registered", tenant.tier(), tenant.ingestKeys().size(),
                    tenant.allowedOrigins().size(), tenant.allTokens().size());
            return TenantView.of(tenant, generated);
        });
    }

    /** The named tokens: as the request lists them, else the tenant's own, else (a new tenant) one of each scope. */
    private static List<TenantToken> tokens(TenantRequest request, Optional<TenantConfig> existing, Instant now,
                                            Map<String, String> generated) {
        if (request.tokens() == null && existing.isPresent()) {
            return existing.get().tokens();
        }
        List<TokenRequest> wanted = request.tokens() != null ? request.tokens()
                : request.readTokens() != null ? List.of()
                : List.of(new TokenRequest("admin", "admin", null), new TokenRequest("write", "write", null),
                        new TokenRequest("read", "read", null));
        List<TenantToken> tokens = new ArrayList<>();
        for (TokenRequest token : wanted) {
            if (token == null) {
                throw ApiException.badRequest("invalid_field", "tokens: an entry is null");
            }
            TokenScope scope = TenantTokens.scope(token.scope());
            String secret = TenantValidation.secret(token.token(), "tokens[].token");
            if (secret == null) {
                secret = SecretHash.newSecret(scope.secretPrefix());
                generated.put(TenantTokens.name(token.name()), secret);
            }
            tokens.add(new TenantToken(TenantTokens.name(token.name()), scope, SecretHash.of(secret), now));
        }
        return tokens;
    }

}

package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.service.tenant.TenantDirectory;

import com.wedsync.perf.service.auth.SecretHash;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.ingest.kafka.EventPublisher;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.topic.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/** Turns a registration into a TenantConfig with hashed secrets and publishes it durably. */
@ApplicationScoped
public class TenantRegistration {

    private static final Logger LOG = Logger.getLogger(TenantRegistration.class);

    private final EventPublisher publisher;
    private final TenantDirectory directory;
    private final Clock clock = Clock.systemUTC();

    public TenantRegistration(EventPublisher publisher, TenantDirectory directory) {
        this.publisher = publisher;
        this.directory = directory;
    }

    public CompletionStage<TenantView> register(String id, TenantRequest request) {
        String tenantId = TenantValidation.tenantId(id);
        Optional<TenantConfig> existing = directory.byId(tenantId);
        String serverKey = TenantValidation.secret(request.serverKey(), "serverKey");
        String generatedServerKey = serverKey == null && existing.map(TenantConfig::serverKeyHash).isEmpty()
                ? SecretHash.newSecret("sk_") : null;
        String serverKeyHash = serverKey != null ? SecretHash.of(serverKey)
                : generatedServerKey != null ? SecretHash.of(generatedServerKey)
                : existing.get().serverKeyHash();
        String generatedReadToken = null;
        List<String> readTokenHashes;
        if (request.readTokens() != null) {
            readTokenHashes = request.readTokens().stream()
                    .map(token -> SecretHash.of(TenantValidation.secret(token, "readTokens"))).toList();
        } else if (existing.isPresent()) {
            readTokenHashes = existing.get().readTokenHashes();
        } else {
            generatedReadToken = SecretHash.newSecret("rt_");
            readTokenHashes = List.of(SecretHash.of(generatedReadToken));
        }
        TenantConfig tenant;
        try {
            tenant = new TenantConfig(tenantId, TenantValidation.name(request.name()),
                    TenantValidation.tier(request.tier()), TenantValidation.ingestKeys(request.ingestKeys()),
                    TenantValidation.origins(request.allowedOrigins()), serverKeyHash, readTokenHashes,
                    request.rateLimits(), Instant.now(clock));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", e.getMessage());
        }
        String shownServerKey = generatedServerKey;
        String shownReadToken = generatedReadToken;
        return publisher.publish(Topics.TENANTS, tenantId, tenant)
                .thenApply(acknowledged -> {
                    directory.apply(tenant);
                    LOG.infof("tenant %s %s (tier %s, %d ingest keys, %d origins)", tenantId,
                            existing.isPresent() ? "updated" : "registered", tenant.tier(),
                            tenant.ingestKeys().size(), tenant.allowedOrigins().size());
                    return TenantView.of(tenant, shownServerKey, shownReadToken);
                })
                .exceptionally(error -> {
                    throw ApiException.unavailable("Kafka did not acknowledge the tenant: " + rootMessage(error), 5);
                });
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

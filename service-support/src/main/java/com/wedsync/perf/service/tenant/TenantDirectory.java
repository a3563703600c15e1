package com.wedsync.perf.service.tenant;

import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.service.auth.SecretHash;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.kafka.CompactedTopicReader;
import com.wedsync.perf.service.kafka.DeadLetterWriter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every tenant, materialised from the compacted {@code perf.tenants.v1} by each instance (no consumer group:
 * every instance reads every partition). A new or revoked key takes effect as soon as its record arrives.
 */
@ApplicationScoped
public class TenantDirectory {

    private final String bootstrapServers;
    private final DeadLetterWriter deadLetters;
    private volatile TenantIndex index = TenantIndex.EMPTY;
    private CompactedTopicReader<TenantConfig> reader;

    private final String clientId;

    public TenantDirectory(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "quarkus.application.name") String applicationName,
                           DeadLetterWriter deadLetters) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetters = deadLetters;
        this.clientId = applicationName + "-tenant-directory";
    }

    void start(@Observes StartupEvent started) {
        reader = new CompactedTopicReader<>(bootstrapServers, clientId, Topics.TENANTS, this::applyAll, deadLetters).start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (reader != null) {
            reader.close();
        }
    }

    public Optional<TenantConfig> byId(String tenantId) {
        return Optional.ofNullable(index.byId().get(tenantId));
    }

    public Optional<TenantConfig> byIngestKey(String key) {
        return Optional.ofNullable(index.byIngestKey().get(key));
    }

    public Optional<TenantConfig> byServerKey(String serverKey) {
        return Optional.ofNullable(index.byServerKeyHash().get(SecretHash.of(serverKey)));
    }

    /** The tenant one of whose tokens this is, with the token (its name and scope). */
    public Optional<TenantIndex.TokenHolder> byToken(String token) {
        return Optional.ofNullable(index.byTokenHash().get(SecretHash.of(token)));
    }

    /** True once everything on the topic at start-up has been read. */
    public boolean isLoaded() {
        return reader != null && reader.isLoaded();
    }

    /** Every tenant known now. */
    public java.util.Collection<TenantConfig> all() {
        return index.byId().values();
    }

    public int size() {
        return index.byId().size();
    }

    /** Applies a tenant this instance just published, so its own next request sees it without waiting. */
    public synchronized void apply(TenantConfig tenant) {
        index = index.with(Map.of(tenant.tenantId(), Optional.of(tenant)));
    }

    private synchronized void applyAll(Map<String, Optional<TenantConfig>> changes) {
        index = index.with(changes);
    }
}

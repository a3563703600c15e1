package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.ingest.kafka.EventPublisher;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/**
 * Publishes a tenant's new record to the compacted tenants topic and, once Kafka has it, applies it here, so this
 * instance's next request sees it at once; every other service sees it when the record reaches it. The returned
 * stage completes on the producer's I/O thread: what follows it and sends again must run elsewhere
 * ({@code thenComposeAsync}), or it waits for metadata that only that thread can fetch.
 */
@ApplicationScoped
public class TenantPublication {

    private final EventPublisher publisher;
    private final TenantDirectory directory;

    public TenantPublication(EventPublisher publisher, TenantDirectory directory) {
        this.publisher = publisher;
        this.directory = directory;
    }

    public CompletionStage<TenantConfig> publish(TenantConfig tenant) {
        return publisher.publish(Topics.TENANTS, tenant.tenantId(), tenant)
                .thenApply(acknowledged -> {
                    directory.apply(tenant);
                    return tenant;
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

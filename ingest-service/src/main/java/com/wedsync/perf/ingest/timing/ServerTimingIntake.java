package com.wedsync.perf.ingest.timing;

import com.wedsync.perf.ingest.IngestMetrics;
import com.wedsync.perf.ingest.kafka.EventPublisher;
import com.wedsync.perf.ingest.limit.CardinalityBudget;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.limit.RateLimiter;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What every way in for server timings shares ({@code POST /v1/server-timings}, OTLP traces): the caller's tenant, the
 * tenant's request and item rate limits, its daily number of operations, and the promise that an answer of success
 * comes only once Kafka has every timing.
 */
@ApplicationScoped
public class ServerTimingIntake {

    private final CurrentCaller caller;
    private final TenantDirectory tenants;
    private final RateLimiter limiter;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final CardinalityBudget cardinality;

    public ServerTimingIntake(CurrentCaller caller, TenantDirectory tenants, RateLimiter limiter,
                              EventPublisher publisher, IngestMetrics metrics, CardinalityBudget cardinality) {
        this.caller = caller;
        this.tenants = tenants;
        this.limiter = limiter;
        this.publisher = publisher;
        this.metrics = metrics;
        this.cardinality = cardinality;
    }

    /** The server key's tenant, once its request rate admits one more request (429 when not). */
    public TenantConfig admitRequest() {
        TenantConfig tenant = tenants.byId(caller.get().owner())
                .orElseThrow(() -> ApiException.unauthorized("the server key's tenant is gone"));
        try {
            limiter.acquire(tenant.tenantId() + "/server", tenant.rateLimits().serverPerMinute(),
                    "tenant " + tenant.tenantId());
        } catch (ApiException limited) {
            metrics.rejected("server", limited.code(), 1);
            throw limited;
        }
        return tenant;
    }

    /**
     * Publishes the timings (at least one) within the tenant's timing rate (429 when over it); completes when Kafka has
     * acknowledged all of them, or fails with a 503 to send them again.
     */
    public CompletionStage<Void> publish(TenantConfig tenant, List<ServerTiming> timings) {
        try {
            limiter.acquire(tenant.tenantId() + "/server-items", tenant.rateLimits().serverTimingsPerMinute(),
                    timings.size(), "tenant " + tenant.tenantId() + " (timings)");
        } catch (ApiException limited) {
            metrics.rejected("server", limited.code(), timings.size());
            throw limited;
        }
        List<ServerTiming> bounded = cardinality.boundOperations(tenant, timings);
        return publisher.publishAll(Topics.SERVER_TIMINGS, bounded, ServerTiming::key)
                .handle((acknowledged, error) -> {
                    if (error != null) {
                        metrics.unavailable("server");
                        throw ApiException.unavailable("Kafka did not acknowledge the timings in time; send them again", 1);
                    }
                    metrics.accepted("server", timings.size());
                    return null;
                });
    }

    /** Counts items refused inside an accepted request. */
    public void rejected(String reason, int items) {
        metrics.rejected("server", reason, items);
    }
}

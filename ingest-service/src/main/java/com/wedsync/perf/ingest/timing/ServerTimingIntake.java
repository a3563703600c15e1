package com.wedsync.perf.ingest.timing;

import com.wedsync.perf.ingest.IngestMetrics;
import com.wedsync.perf.ingest.kafka.EventPublisher;
import com.wedsync.perf.ingest.limit.CardinalityBudget;
import com.wedsync.perf.model.event.ServerHistogram;
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
 * What every way in for server timings shares ({@code POST /v1/server-timings}, OTLP traces and metrics): the caller's tenant, the
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
        admitItems(tenant, timings.size());
        return published(publisher.publishAll(Topics.SERVER_TIMINGS, cardinality.boundOperations(tenant, timings),
                ServerTiming::key), timings.size(), "timings");
    }

    /**
     * Publishes duration histogram points (at least one) as {@link #publish} does timings: each point is one item of
     * the tenant's timing rate, keyed by its stream so a stream's points stay in order.
     */
    public CompletionStage<Void> publishHistograms(TenantConfig tenant, List<ServerHistogram> points) {
        admitItems(tenant, points.size());
        List<ServerHistogram> bounded = cardinality.boundOperations(tenant, points, ServerHistogram::operation,
                ServerHistogram::withOperation);
        return published(publisher.publishAll(Topics.SERVER_HISTOGRAMS, bounded, ServerHistogram::stream), points.size(),
                "histogram points");
    }

    private void admitItems(TenantConfig tenant, int items) {
        try {
            limiter.acquire(tenant.tenantId() + "/server-items", tenant.rateLimits().serverTimingsPerMinute(),
                    items, "tenant " + tenant.tenantId() + " (timings)");
        } catch (ApiException limited) {
            metrics.rejected("server", limited.code(), items);
            throw limited;
        }
    }

    private CompletionStage<Void> published(CompletionStage<Void> acknowledged, int items, String what) {
        return acknowledged.handle((done, error) -> {
            if (error != null) {
                metrics.unavailable("server");
                throw ApiException.unavailable("Kafka did not acknowledge the " + what + " in time; send them again", 1);
            }
            metrics.accepted("server", items);
            return null;
        });
    }

    /** Counts items refused inside an accepted request. */
    public void rejected(String reason, int items) {
        metrics.rejected("server", reason, items);
    }
}

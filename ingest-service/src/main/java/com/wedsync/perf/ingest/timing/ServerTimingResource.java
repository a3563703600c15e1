package com.wedsync.perf.ingest.timing;

import com.wedsync.perf.ingest.IngestMetrics;
import com.wedsync.perf.ingest.api.IngestResult;
import com.wedsync.perf.ingest.api.UntrustedJson;
import com.wedsync.perf.ingest.kafka.EventPublisher;
import com.wedsync.perf.ingest.limit.CardinalityBudget;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import com.wedsync.perf.service.limit.RateLimiter;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@code POST /v1/server-timings}: WedSync back ends report how long their wedding operations took. */
@Path("/v1/server-timings")
public class ServerTimingResource {

    private final CurrentCaller caller;
    private final TenantDirectory tenants;
    private final RateLimiter limiter;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final CardinalityBudget cardinality;

    public ServerTimingResource(CurrentCaller caller, TenantDirectory tenants, RateLimiter limiter, EventPublisher publisher,
                                IngestMetrics metrics,
                                CardinalityBudget cardinality) {
        this.caller = caller;
        this.tenants = tenants;
        this.limiter = limiter;
        this.publisher = publisher;
        this.metrics = metrics;
        this.cardinality = cardinality;
    }

    @POST
    @Access(Grant.SERVER_KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> report(byte[] body) {
        TenantConfig tenant = tenants.byId(caller.get().owner())
                .orElseThrow(() -> ApiException.unauthorized("the server key's tenant is gone"));
        UntrustedJson.requireWithinLimit(body);
        try {
            limiter.acquire(tenant.tenantId() + "/server", tenant.rateLimits().serverPerMinute(),
                    "tenant " + tenant.tenantId());
        } catch (ApiException limited) {
            metrics.rejected("server", limited.code(), 1);
            throw limited;
        }
        ServerTimingReader.Read read = ServerTimingReader.read(UntrustedJson.parse(body), tenant.tenantId(), Instant.now());
        if (read.timings().isEmpty()) {
            metrics.rejected("server", "no_valid_timings", 1);
            throw ApiException.badRequest("no_valid_timings", read.rejections().isEmpty() ? "the body holds no timing"
                    : read.rejections().get(0).at() + ": " + read.rejections().get(0).detail());
        }
        try {
            limiter.acquire(tenant.tenantId() + "/server-items", tenant.rateLimits().serverTimingsPerMinute(),
                    read.timings().size(), "tenant " + tenant.tenantId() + " (timings)");
        } catch (ApiException limited) {
            metrics.rejected("server", limited.code(), read.timings().size());
            throw limited;
        }
        List<ServerTiming> bounded = cardinality.boundOperations(tenant, read.timings());
        return publisher.publishAll(Topics.SERVER_TIMINGS, bounded, ServerTiming::key)
                .handle((acknowledged, error) -> {
                    if (error != null) {
                        metrics.unavailable("server");
                        throw ApiException.unavailable("Kafka did not acknowledge the timings in time; send them again", 1);
                    }
                    metrics.accepted("server", read.timings().size());
                    read.rejections().forEach(r -> metrics.rejected("server", r.error(), 1));
                    return Response.accepted(new IngestResult(read.timings().size(), read.rejections().size(),
                            read.rejections(), null)).build();
                });
    }
}

package com.wedsync.perf.ingest.rum;

import com.wedsync.perf.ingest.IngestMetrics;
import com.wedsync.perf.ingest.api.IngestResult;
import com.wedsync.perf.ingest.api.UntrustedJson;
import com.wedsync.perf.ingest.kafka.EventPublisher;
import com.wedsync.perf.ingest.limit.CardinalityBudget;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.limit.RateLimiter;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Takes a beacon from the door to Kafka, refusing as cheaply as possible: size, key, origin, bots, rate limits,
 * then parsing and validation; what is left is published and acknowledged before the client hears 202.
 */
@ApplicationScoped
public class RumIngestion {

    private final TenantDirectory tenants;
    private final RateLimiter limiter;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final CardinalityBudget cardinality;

    public RumIngestion(TenantDirectory tenants, RateLimiter limiter, EventPublisher publisher, IngestMetrics metrics,
                        CardinalityBudget cardinality) {
        this.tenants = tenants;
        this.limiter = limiter;
        this.publisher = publisher;
        this.metrics = metrics;
        this.cardinality = cardinality;
    }

    public CompletionStage<IngestResult> ingest(RumRequest request) {
        long started = System.nanoTime();
        try {
            UntrustedJson.requireWithinLimit(request.body());
        } catch (ApiException tooLarge) {
            metrics.rejected("rum", tooLarge.code(), 1);
            throw tooLarge;
        }
        TenantConfig tenant = tenantOf(request.key());
        String origin = allowedOrigin(tenant, request);
        if (BotDetector.isBot(request.userAgent())) {
            metrics.bot();
            return CompletableFuture.completedFuture(IngestResult.droppedBecause("bot"));
        }
        try {
            limiter.acquire(tenant.tenantId(), tenant.rateLimits().rumPerMinute(), "tenant " + tenant.tenantId());
            limiter.acquire(tenant.tenantId() + "@" + request.clientAddress(), tenant.rateLimits().rumPerMinutePerIp(),
                    "client " + request.clientAddress());
        } catch (ApiException limited) {
            metrics.rejected("rum", limited.code(), 1);
            throw limited;
        }
        ParsedBeacon beacon = parse(request, tenant);
        try {
            int items = Math.max(1, beacon.metrics().size());
            limiter.acquire(tenant.tenantId() + "/metrics", tenant.rateLimits().rumMetricsPerMinute(), items,
                    "tenant " + tenant.tenantId() + " (metrics)");
            limiter.acquire(tenant.tenantId() + "@" + request.clientAddress() + "/metrics",
                    tenant.rateLimits().rumMetricsPerMinutePerIp(), items, "client " + request.clientAddress() + " (metrics)");
        } catch (ApiException limited) {
            metrics.rejected("rum", limited.code(), beacon.metrics().size());
            throw limited;
        }
        List<RumMetric> bounded = cardinality.boundRoutes(tenant, beacon.metrics());
        return publisher.publishAll(Topics.RUM, bounded, RumMetric::key)
                .handle((acknowledged, error) -> {
                    if (error != null) {
                        metrics.unavailable("rum");
                        throw ApiException.unavailable("Kafka did not acknowledge the metrics in time; nothing was "
                                + "confirmed, send the beacon again", 1);
                    }
                    metrics.published(Duration.ofNanos(System.nanoTime() - started));
                    metrics.accepted("rum", beacon.metrics().size());
                    beacon.rejections().forEach(r -> metrics.rejected("rum", r.error(), 1));
                    return new IngestResult(beacon.metrics().size(), beacon.rejections().size(),
                            beacon.rejections(), null);
                });
    }

    /** The origin to echo in CORS headers, when the tenant allows it. */
    public String allowedOrigin(TenantConfig tenant, RumRequest request) {
        String origin = request.origin() != null ? request.origin() : originOf(request.referer());
        if (origin == null) {
            throw refused(403, "origin_required", "neither an Origin nor a Referer header says which page sent this");
        }
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        if (!tenant.allowedOrigins().contains(normalised)) {
            throw refused(403, "origin_not_allowed", "origin " + MetricItemReader.clip(origin)
                    + " is not allowed for this key");
        }
        return normalised;
    }

    public TenantConfig tenantOf(String key) {
        if (key == null || key.isBlank()) {
            throw refused(401, "missing_key", "send the tenant's public key as ?key=… or an X-Perf-Key header");
        }
        return tenants.byIngestKey(key.strip())
                .orElseThrow(() -> refused(403, "unknown_key", "the key is unknown or was revoked"));
    }

    private ParsedBeacon parse(RumRequest request, TenantConfig tenant) {
        try {
            ParsedBeacon beacon = RumBeaconParser.parse(UntrustedJson.parse(request.body()),
                    new BeaconContext(tenant.tenantId(), request.referer(), request.userAgent(), Instant.now()));
            if (beacon.metrics().isEmpty()) {
                throw beacon.rejections().isEmpty()
                        ? ApiException.badRequest("no_metrics", "the beacon holds no metric")
                        : ApiException.badRequest("no_valid_metrics", "no metric was valid; first: "
                        + beacon.rejections().get(0).at() + ": " + beacon.rejections().get(0).detail());
            }
            return beacon;
        } catch (ApiException e) {
            metrics.rejected("rum", e.code(), 1);
            throw e;
        }
    }

    private ApiException refused(int status, String code, String detail) {
        metrics.rejected("rum", code, 1);
        return new ApiException(status, code, detail);
    }

    private static String originOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            return uri.getScheme() == null || uri.getHost() == null ? null
                    : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

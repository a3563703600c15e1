package com.wedsync.perf.ingest.limit;

import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.route.RouteNormalizer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Bounds how many distinct routes and server operations each tenant opens a day ({@code routesPerDay},
 * {@code operationsPerDay} of its rate limits): every new route opens minute, hour and day windows for every
 * metric and device in the aggregation's stores, so a client inventing URLs would grow them without end. Once a tenant
 * has its day's number, metrics of routes not seen yet that day count under {@code /:other} and timings of new
 * operations under {@code other}; both are counted ({@code ingest_cardinality_overflow_total{kind}}) and shown in
 * {@code GET /v1/tenants/{id}/usage}. The known operations never count against the limit. Kept per ingest instance:
 * with N instances a tenant can open up to N times its limit.
 */
@ApplicationScoped
public class CardinalityBudget {

    private final Map<String, DistinctPerDay> routes = new ConcurrentHashMap<>();
    private final Map<String, DistinctPerDay> operations = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock;

    @Inject
    public CardinalityBudget(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    CardinalityBudget(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The tenant's usage today, as its admin sees it. */
    public record Usage(LocalDate day, int routes, int routesPerDay, long routeMetricsOverflowed, int operations,
                        int operationsPerDay, long operationTimingsOverflowed) {
    }

    public List<RumMetric> boundRoutes(TenantConfig tenant, List<RumMetric> metrics) {
        DistinctPerDay day = today(routes, tenant.tenantId(), "routes");
        int limit = tenant.rateLimits().routesPerDay();
        return metrics.stream().map(metric -> day.admit(metric.route(), limit) ? metric
                : overflowed(day, "route", metric.withRoute(RouteNormalizer.OVERFLOW))).toList();
    }

    public List<ServerTiming> boundOperations(TenantConfig tenant, List<ServerTiming> timings) {
        return boundOperations(tenant, timings, ServerTiming::operation, ServerTiming::withOperation);
    }

    /** The items, each counted under the overflow operation once the tenant has named too many operations today. */
    public <T> List<T> boundOperations(TenantConfig tenant, List<T> items, Function<T, String> operationOf,
                                       BiFunction<T, String, T> withOperation) {
        DistinctPerDay day = today(operations, tenant.tenantId(), "operations");
        int limit = tenant.rateLimits().operationsPerDay();
        return items.stream().map(item -> ServerOperations.KNOWN.contains(operationOf.apply(item))
                || day.admit(operationOf.apply(item), limit) ? item
                : overflowed(day, "operation", withOperation.apply(item, ServerOperations.OVERFLOW))).toList();
    }

    public Usage usage(TenantConfig tenant) {
        DistinctPerDay dayRoutes = today(routes, tenant.tenantId(), "routes");
        DistinctPerDay dayOperations = today(operations, tenant.tenantId(), "operations");
        return new Usage(dayRoutes.day(), dayRoutes.size(), tenant.rateLimits().routesPerDay(), dayRoutes.overflowed(),
                dayOperations.size(), tenant.rateLimits().operationsPerDay(), dayOperations.overflowed());
    }

    private <T> T overflowed(DistinctPerDay day, String kind, T counted) {
        day.countOverflow();
        registry.counter("ingest_cardinality_overflow_total", "kind", kind).increment();
        return counted;
    }

    private DistinctPerDay today(Map<String, DistinctPerDay> days, String tenant, String what) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return days.compute(tenant, (id, current) -> current != null && current.day().equals(today) ? current
                : new DistinctPerDay(today, id, what));
    }
}

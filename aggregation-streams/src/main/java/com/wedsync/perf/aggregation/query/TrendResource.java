package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The trend API: series, the pages ranking and interference findings, for tenants (their own) and ops (all). */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,4})([mhd])");

    private final TrendService trends;
    private final CurrentCaller caller;

    public TrendResource(TrendService trends, CurrentCaller caller) {
        this.trends = trends;
        this.caller = caller;
    }

    @GET
    @Path("/trends")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "Closed windows of one series: count, p50/p75/p95/p99, min/max, good/NI/poor shares")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "the series",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = TrendSeries.class)))
    public Response series(@QueryParam("tenant") String tenant, @QueryParam("source") String source,
                           @QueryParam("route") String route, @QueryParam("metric") String metric,
                           @QueryParam("device") String device, @QueryParam("resolution") String resolution,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("sketch") boolean withSketch, @QueryParam("local") boolean localOnly,
                           @Context UriInfo uri) {
        TrendQuery query = TrendQuery.parse(tenant, source, route, metric, device, resolution, from, to, Instant.now());
        caller.get().requireTenant(query.series().tenant());
        return trends.series(query, withSketch, pathAndQuery(uri), localOnly, caller.authorization());
    }

    @GET
    @Path("/trends/pages")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "A tenant's routes ranked by how much fixing each would improve the metric")
    public List<PageView> pages(@QueryParam("tenant") String tenant, @QueryParam("metric") String metric,
                                @QueryParam("window") String window) {
        String checkedTenant = requireTenant(tenant);
        caller.get().requireTenant(checkedTenant);
        Instant to = Instant.now();
        return trends.pages(checkedTenant, Metric.valueOf(TrendQuery.rumMetric(metric)), to.minus(window(window)), to,
                caller.authorization());
    }

    @GET
    @Path("/internal/page-partials")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(hidden = true)
    public List<RoutePartial> pagePartials(@QueryParam("tenant") String tenant, @QueryParam("metric") String metric,
                                           @QueryParam("from") String from, @QueryParam("to") String to) {
        String checkedTenant = requireTenant(tenant);
        caller.get().requireTenant(checkedTenant);
        Instant end = TrendQuery.instant(to, "to", Instant.now());
        return trends.localPagePartials(checkedTenant, Metric.valueOf(TrendQuery.rumMetric(metric)),
                TrendQuery.instant(from, "from", end.minus(Duration.ofHours(24))), end);
    }

    @GET
    @Path("/interference")
    @Access(Grant.OPS)
    @Operation(summary = "Findings of one tenant's load hurting others (ops token)")
    public Response interference(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("local") boolean localOnly,
                                 @Context UriInfo uri) {
        Instant end = TrendQuery.instant(to, "to", Instant.now());
        Instant start = TrendQuery.instant(from, "from", end.minus(Duration.ofHours(24)));
        return trends.findings(start, end, pathAndQuery(uri), localOnly, caller.authorization());
    }

    @GET
    @Path("/interference/affected")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "When the tenant was slowed by another tenant's load, and by how much (never who the other was)")
    public Response affected(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("local") boolean localOnly, @Context UriInfo uri) {
        String checkedTenant = requireTenant(tenant);
        caller.get().requireTenant(checkedTenant);
        Instant end = TrendQuery.instant(to, "to", Instant.now());
        Instant start = TrendQuery.instant(from, "from", end.minus(Duration.ofHours(24)));
        return trends.affected(checkedTenant, start, end, pathAndQuery(uri), localOnly, caller.authorization());
    }

    private static String requireTenant(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw ApiException.badRequest("missing_tenant", "query parameter 'tenant' is required");
        }
        return tenant.strip();
    }

    static Duration window(String window) {
        if (window == null || window.isBlank()) {
            return Duration.ofHours(24);
        }
        Matcher matcher = WINDOW.matcher(window.strip());
        if (!matcher.matches()) {
            throw ApiException.badRequest("invalid_window", "window must look like 30m, 24h or 7d");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.isZero() || duration.compareTo(Duration.ofDays(35)) > 0) {
            throw ApiException.badRequest("invalid_window", "window must be between 1m and 35d");
        }
        return duration;
    }

    private static String pathAndQuery(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }
}

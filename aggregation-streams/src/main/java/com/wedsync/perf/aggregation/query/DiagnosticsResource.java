package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Why a page is slow: the causes of one page's metric over a window ({@link DiagnosisView}). */
@Path("/v1/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosticsResource {

    private final TrendService trends;
    private final CurrentCaller caller;

    public DiagnosticsResource(TrendService trends, CurrentCaller caller) {
        this.trends = trends;
        this.caller = caller;
    }

    @GET
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "The causes of a page's poor experiences (selector, script, resource) with their shares, p75 "
            + "and dominant sub-part, and the median of each sub-part, over a window (default 24h)")
    @APIResponse(responseCode = "200", description = "the page's causes, heaviest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiagnosisView.class)))
    public Response diagnostics(@QueryParam("tenant") String tenant, @QueryParam("route") String route,
                                @QueryParam("metric") String metric, @QueryParam("device") String device,
                                @QueryParam("window") String window, @QueryParam("local") boolean localOnly,
                                @Context UriInfo uri) {
        if (tenant == null || tenant.isBlank()) {
            throw ApiException.badRequest("missing_tenant", "query parameter 'tenant' is required");
        }
        if (route == null || route.isBlank() || TrendKey.ALL.equals(route.strip())) {
            throw ApiException.badRequest("missing_route", "query parameter 'route' is required: causes are per page, "
                    + "e.g. route=/weddings/:id/guests");
        }
        if (metric == null || metric.isBlank()) {
            throw ApiException.badRequest("missing_metric", "query parameter 'metric' is required, e.g. INP");
        }
        SeriesKey series = new SeriesKey(tenant.strip(), Source.RUM, route.strip(), TrendQuery.rumSeriesMetric(metric),
                TrendQuery.device(device));
        caller.get().requireTenant(series.tenant());
        Instant to = Instant.now();
        String query = uri.getRequestUri().getRawQuery();
        return trends.diagnostics(series, to.minus(TrendResource.window(window)), to,
                uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query), localOnly, caller.authorization());
    }
}

package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.topology.TrendStores;
import com.wedsync.perf.aggregation.wedding.WeddingMinute;
import com.wedsync.perf.aggregation.wedding.WeddingTiming;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A tenant's weddings of a day, and one wedding's operations against their wedding-day objectives, minute by minute,
 * from the instance that counts them.
 */
@Path("/v1/weddings")
@Produces(MediaType.APPLICATION_JSON)
public class WeddingSloResource {

    private final TrendService trends;
    private final TrendStoreReader reader;
    private final WeddingSchedules schedules;
    private final CurrentCaller caller;

    public WeddingSloResource(TrendService trends, TrendStoreReader reader, WeddingSchedules schedules, CurrentCaller caller) {
        this.trends = trends;
        this.reader = reader;
        this.schedules = schedules;
        this.caller = caller;
    }

    @GET
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "The tenant's weddings whose ceremony is on a day (default today) in the venue's time zone, "
            + "by ceremony time, as the planner scheduled them")
    public List<WeddingSchedule> ofDay(@QueryParam("tenant") String tenant, @QueryParam("date") String date) {
        String checked = checkedTenant(tenant);
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(java.time.ZoneOffset.UTC) : LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("invalid_date", "date must look like 2026-06-13");
        }
        return schedules.onDay(checked, day);
    }

    @GET
    @Path("/{id}/slo")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "Per operation: attainment of its wedding-day objective, latency and error budget spent, and "
            + "each minute's burn rate, over the wedding's window (ceremony − 6 h to + 12 h) up to now")
    public Response slo(@PathParam("id") String weddingId, @QueryParam("tenant") String tenant,
                        @QueryParam("local") boolean localOnly, @Context UriInfo uri) {
        String checked = checkedTenant(tenant);
        WeddingSchedule wedding = schedules.of(checked, weddingId).orElseThrow(() -> ApiException.notFound(
                "no wedding '" + weddingId + "' is scheduled for tenant '" + checked + "'"));
        Instant from = wedding.ceremonyAt().minus(WeddingTiming.BEFORE);
        Instant end = wedding.ceremonyAt().plus(WeddingTiming.AFTER);
        Instant now = Instant.now();
        Instant to = now.isBefore(from) ? from : now.isBefore(end) ? now : end;
        String key = WeddingTiming.key(checked, weddingId);
        String query = uri.getRequestUri().getRawQuery();
        return trends.fromOwner(TrendStores.WEDDING_MINUTES, key, () -> {
            List<KeyValue<Long, WeddingMinute>> minutes = reader.fetchWindows(TrendStores.WEDDING_MINUTES, key, from, to);
            return WeddingSloView.of(checked, weddingId, wedding.ceremonyAt(), from, to, minutes);
        }, uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query), localOnly, caller.authorization());
    }

    private String checkedTenant(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw ApiException.badRequest("missing_tenant", "query parameter 'tenant' is required");
        }
        String checked = tenant.strip();
        caller.get().requireTenant(checked);
        return checked;
    }
}

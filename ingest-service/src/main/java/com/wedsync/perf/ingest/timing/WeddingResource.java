package com.wedsync.perf.ingest.timing;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.ingest.kafka.EventPublisher;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * {@code PUT /v1/weddings/{id}}: the planner publishes a wedding's schedule to the compacted weddings topic.
 * The key is {@code tenant/id}, so two tenants using the same wedding id never overwrite each other.
 */
@Path("/v1/weddings/{id}")
public class WeddingResource {

    private final CurrentCaller caller;
    private final EventPublisher publisher;

    public WeddingResource(CurrentCaller caller, EventPublisher publisher) {
        this.caller = caller;
        this.publisher = publisher;
    }

    @PUT
    @Access(Grant.SERVER_KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<WeddingSchedule> put(@PathParam("id") String id, WeddingRequest request) {
        String tenant = caller.get().owner();
        if (!ServerTimingReader.WEDDING_ID.matcher(id).matches()) {
            throw ApiException.badRequest("invalid_wedding_id", "wedding id must be 1-64 letters, digits, '_' or '-'");
        }
        if (request == null) {
            throw ApiException.badRequest("missing_body", "a JSON body with ceremonyAt and timeZone is required");
        }
        WeddingSchedule wedding = schedule(id, tenant, request);
        return publisher.publish(Topics.WEDDINGS, wedding.tenant() + "/" + wedding.weddingId(), wedding)
                .handle((acknowledged, error) -> {
                    if (error != null) {
                        throw ApiException.unavailable("Kafka did not acknowledge the wedding in time; send it again", 1);
                    }
                    return wedding;
                });
    }

    private static WeddingSchedule schedule(String id, String tenant, WeddingRequest request) {
        try {
            if (request.timeZone() == null) {
                throw new IllegalArgumentException("timeZone is required, e.g. Europe/London");
            }
            ZoneId zone = ZoneId.of(request.timeZone());
            return new WeddingSchedule(id, tenant, ceremony(request.ceremonyAt(), zone), request.timeZone(),
                    request.guestCount() == null ? 0 : request.guestCount(),
                    request.vendorCount() == null ? 0 : request.vendorCount(), status(request.status()), Instant.now());
        } catch (DateTimeException | IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", e.getMessage());
        }
    }

    private static Instant ceremony(String text, ZoneId zone) {
        if (text == null) {
            throw new IllegalArgumentException("ceremonyAt is required, e.g. 2026-06-13T14:00");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withoutOffset) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }

    private static WeddingStatus status(String status) {
        if (status == null) {
            return WeddingStatus.SCHEDULED;
        }
        try {
            return WeddingStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status '" + status + "' must be scheduled or cancelled");
        }
    }
}

package com.wedsync.perf.ingest.rum;

import com.wedsync.perf.ingest.limit.ClientAddress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import com.wedsync.perf.service.auth.Public;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v1/rum}: what web-vitals users already send, by {@code navigator.sendBeacon} (text/plain) or
 * {@code fetch} (application/json). 202 once Kafka acknowledged; 4xx JSON for anything refused.
 */
@Path("/v1/rum")
@Public("browsers send beacons and preflights with the tenant's public ingest key and an allowed Origin")
public class RumResource {

    private final RumIngestion ingestion;
    private final ClientAddress clientAddress;

    public RumResource(RumIngestion ingestion, ClientAddress clientAddress) {
        this.ingestion = ingestion;
        this.clientAddress = clientAddress;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> report(byte[] body, @QueryParam("key") String key,
                                            @HeaderParam("X-Perf-Key") String headerKey,
                                            @HeaderParam("Origin") String origin, @HeaderParam("Referer") String referer,
                                            @HeaderParam("User-Agent") String userAgent,
                                            @HeaderParam("X-Forwarded-For") String forwardedFor,
                                            @Context HttpServerRequest http) {
        RumRequest request = new RumRequest(body, key != null ? key : headerKey, origin, referer, userAgent,
                clientAddress.resolve(http.remoteAddress().hostAddress(), forwardedFor));
        return ingestion.ingest(request).thenApply(result -> withCors(Response.accepted(result), origin).build());
    }

    /** CORS preflight for fetch() with application/json: answered only for an origin the key's tenant allows. */
    @OPTIONS
    public Response preflight(@QueryParam("key") String key, @HeaderParam("X-Perf-Key") String headerKey,
                              @HeaderParam("Origin") String origin) {
        String allowed = ingestion.allowedOrigin(ingestion.tenantOf(key != null ? key : headerKey),
                new RumRequest(null, null, origin, null, null, null));
        return Response.noContent()
                .header("Access-Control-Allow-Origin", allowed)
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", "Content-Type, X-Perf-Key")
                .header("Access-Control-Max-Age", "86400")
                .header("Vary", "Origin")
                .build();
    }

    private static Response.ResponseBuilder withCors(Response.ResponseBuilder response, String origin) {
        return origin == null ? response : response.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
    }
}

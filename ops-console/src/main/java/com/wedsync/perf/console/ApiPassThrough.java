package com.wedsync.perf.console;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/<service>/…} passed on to that service — method, query, body, {@code Authorization} and
 * {@code Content-Type} — and its answer passed back, so the page talks to one origin while each service keeps deciding
 * who may do what. The console holds no credential of its own.
 */
@Path("/api/{service}")
public class ApiPassThrough {

    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> upstreams;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiPassThrough(ConsoleUpstreams config) {
        this.upstreams = Map.copyOf(config.upstreams());
    }

    @GET
    @Path("{path: .*}")
    @Operation(summary = "A GET to the named service's API (ingest, aggregation, alerting, scaling, gate)")
    public Response get(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
                        @Context HttpHeaders headers) {
        return forward("GET", service, path, uri, headers, new byte[0]);
    }

    @POST
    @Path("{path: .*}")
    public Response post(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
                         @Context HttpHeaders headers, byte[] body) {
        return forward("POST", service, path, uri, headers, body);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
                        @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", service, path, uri, headers, body);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
                           @Context HttpHeaders headers) {
        return forward("DELETE", service, path, uri, headers, new byte[0]);
    }

    private Response forward(String method, String service, String path, UriInfo uri, HttpHeaders headers, byte[] body) {
        String base = upstreams.get(service);
        if (base == null) {
            return error(404, "unknown_service", "services: " + new TreeSet<>(upstreams.keySet()));
        }
        String query = uri.getRequestUri().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/" + path + (query == null ? "" : "?" + query)))
                .timeout(TIMEOUT).method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : FORWARDED) {
            String value = headers.getHeaderString(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder response = Response.status(answer.statusCode());
            answer.headers().firstValue("Content-Type").ifPresent(type -> response.header("Content-Type", type));
            answer.headers().firstValue("Retry-After").ifPresent(wait -> response.header("Retry-After", wait));
            return answer.body().length == 0 ? response.build() : response.entity(answer.body()).build();
        } catch (IOException e) {
            return error(502, "upstream_unavailable", service + " did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "unavailable", "the console is stopping");
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_path", "not a path of " + service);
        }
    }

    private static Response error(int status, String error, String detail) {
        return Response.status(status).type("application/json")
                .entity("{\"error\":\"" + error + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}").build();
    }
}

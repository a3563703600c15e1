package com.wedsync.perf.service.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** A path or query parameter with a control character (a decoded {@code %00}, {@code %0A}, ESC…) is a 400. */
public class PlainTextRequests {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseControlCharacters(ContainerRequestContext request) {
        boolean plain = PlainText.isOneLine(request.getUriInfo().getPath());
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            plain &= PlainText.isOneLine(parameter.getKey());
            for (String value : parameter.getValue()) {
                plain &= PlainText.isOneLine(value);
            }
        }
        return plain ? Optional.empty() : Optional.of(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("invalid_text", "the path or a query parameter holds a control character")).build());
    }
}

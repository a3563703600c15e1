package com.wedsync.perf.service.api;

import com.wedsync.perf.service.intake.TransientFailures;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** The one place errors become JSON {@code {"error","detail"}}; nothing reaches a client as an HTML page or a bare 500. */
public class ApiExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    Event<Refused> refusals;

    @ServerExceptionMapper
    public Response refused(ApiException e, SimpleResourceInfo resource) {
        refusals.fire(new Refused(endpointOf(resource), e.code(), e.getMessage()));
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.code(), e.getMessage()));
        e.headers().forEach(response::header);
        return response.build();
    }

    private static String endpointOf(SimpleResourceInfo resource) {
        return resource == null || resource.getResourceClass() == null ? Refused.UNMATCHED
                : resource.getResourceClass().getSimpleName() + "." + resource.getMethodName();
    }

    /** A JSON body that cannot be read: a 400 saying where, or that a text field held a control character. */
    @ServerExceptionMapper
    public Response unreadableBody(com.fasterxml.jackson.databind.JsonMappingException e) {
        boolean controlCharacter = e.getCause() instanceof PlainText.ControlCharacterInBody;
        String field = e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : "[" + reference.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("the body");
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(controlCharacter ? new ApiError("invalid_text", field + ": " + e.getCause().getMessage())
                        : new ApiError("invalid_body", field + ": " + e.getOriginalMessage().lines().findFirst().orElse("")))
                .build();
    }

    /** Framework refusals (unknown path, wrong method, unsupported media type) in the same shape. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException unreadable) {
            return unreadableBody(unreadable);
        }
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (TransientFailures.isTransient(e)) {
            return unavailable(e);
        }
        LOG.errorf(e, "unexpected error: %s", e.getMessage());
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("internal_error", "the service failed to handle the request; it was logged"))
                .build();
    }

    /** The database is away (or restarting): a 503 the client can retry, never a 500 with a stack trace. */
    private static Response unavailable(RuntimeException e) {
        LOG.warnf("answering 503, the database is unavailable: %s", e.getMessage());
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(new ApiError("unavailable", "the service's database is unavailable; retry in a few seconds"))
                .build();
    }
}

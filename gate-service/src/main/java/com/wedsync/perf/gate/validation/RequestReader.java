package com.wedsync.perf.gate.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/** Reads the body of POST /v1/gates/validate, naming where a malformed one goes wrong. */
@ApplicationScoped
public class RequestReader {

    private final ObjectMapper json;

    public RequestReader(ObjectMapper json) {
        this.json = json;
    }

    public ValidateRequest read(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("missing_body", "a JSON body is required");
        }
        try {
            return json.readValue(body, ValidateRequest.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid_json", "the body is not a valid request: " + e.getOriginalMessage()
                    + " (at byte " + e.getLocation().getByteOffset() + ")");
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", "the body could not be read: " + e.getMessage());
        }
    }
}

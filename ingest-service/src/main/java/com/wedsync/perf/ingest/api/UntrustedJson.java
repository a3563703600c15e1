package com.wedsync.perf.ingest.api;

import com.wedsync.perf.service.api.ApiException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Reads an untrusted request body into a JSON tree, within limits that keep a hostile body cheap to refuse. */
public final class UntrustedJson {

    /** web-vitals attribution objects nest about six levels; twenty leaves room and stops pathological input. */
    public static final int MAX_DEPTH = 20;
    /** No beacon or batch of timings needs more; larger bodies are refused before they are parsed. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxNumberLength(64).maxStringLength(16 * 1024).build())
                    .build())
            .build();

    private UntrustedJson() {
    }

    /** Refuses a body over {@link #MAX_BODY_BYTES} with 413; cheap, so callers run it before anything else. */
    public static void requireWithinLimit(byte[] body) {
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "body_too_large", "the body has " + body.length + " bytes; at most "
                    + MAX_BODY_BYTES + " are accepted");
        }
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("empty_body", "the body is empty");
        }
        try {
            JsonNode tree = READER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ApiException.badRequest("empty_body", "the body holds no JSON value");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("body_too_complex", "the JSON exceeds a limit (nesting depth " + MAX_DEPTH
                    + ", numbers of 64 digits, strings of 16 KiB): " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json", "the body is not valid JSON: " + firstLine(
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
                    + location(e));
        }
    }

    private static String location(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            return " (at byte " + j.getLocation().getByteOffset() + ")";
        }
        return "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}

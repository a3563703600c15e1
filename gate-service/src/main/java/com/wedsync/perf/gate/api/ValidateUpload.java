package com.wedsync.perf.gate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wedsync.perf.service.api.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * POST /v1/gates/validate as {@code multipart/form-data}, the way CI uploads files: any number of {@code lighthouse}
 * files (the {@code lhr-*.json} of {@code .lighthouseci/}, one result or an array each), optional {@code bundles},
 * {@code loadTest} and {@code budget} files, and the build's identity as form fields ({@code project}, {@code buildId},
 * …) or as a {@code request} part holding the JSON request without the files. Assembled into the JSON request.
 */
public class ValidateUpload {

    private static final Set<String> FIELDS = Set.of("project", "buildId", "environment", "gitSha", "branch", "baseBranch",
            "ancestorSha");
    private static final Set<String> FILES = Set.of("lighthouse", "bundles", "loadTest", "budget", "request");

    @RestForm("request")
    public String request;
    @RestForm
    public String project;
    @RestForm
    public String buildId;
    @RestForm
    public String environment;
    @RestForm
    public String gitSha;
    @RestForm
    public String branch;
    @RestForm
    public String baseBranch;
    @RestForm
    public String ancestorSha;
    @RestForm(FileUpload.ALL)
    public List<FileUpload> files;

    /** The JSON request these parts make; a part that is not JSON, or not expected, is a 400 that names it. */
    public byte[] assemble(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        if (request != null && !request.isBlank()) {
            body.setAll(object(parse(json, request.getBytes(java.nio.charset.StandardCharsets.UTF_8), "the 'request' part")));
        }
        ArrayNode lighthouse = body.has("lighthouse") && body.get("lighthouse").isArray()
                ? (ArrayNode) body.get("lighthouse") : body.putArray("lighthouse");
        for (FileUpload file : files == null ? List.<FileUpload>of() : files) {
            if (FIELDS.contains(file.name())) {
                continue;
            }
            if (!FILES.contains(file.name())) {
                throw ApiException.badRequest("unknown_part", "unexpected part '" + file.name() + "': expected files "
                        + FILES + " and fields " + FIELDS);
            }
            JsonNode content = parse(json, read(file), file.name() + " file '" + file.fileName() + "'");
            switch (file.name()) {
                case "lighthouse" -> {
                    if (content.isArray()) {
                        content.forEach(lighthouse::add);
                    } else {
                        lighthouse.add(content);
                    }
                }
                case "request" -> body.setAll(object(content));
                default -> body.set(file.name(), content);
            }
        }
        field(body, "project", project);
        field(body, "buildId", buildId);
        field(body, "environment", environment);
        field(body, "gitSha", gitSha);
        field(body, "branch", branch);
        field(body, "baseBranch", baseBranch);
        field(body, "ancestorSha", ancestorSha);
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot assemble the upload: " + e.getOriginalMessage(), e);
        }
    }

    private static void field(ObjectNode body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.strip());
        }
    }

    private static ObjectNode object(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("invalid_request_part", "the 'request' part must be a JSON object");
        }
        return object;
    }

    private static JsonNode parse(ObjectMapper json, byte[] bytes, String what) {
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid_json", what + " is not JSON: " + e.getOriginalMessage()
                    + " (at byte " + e.getLocation().getByteOffset() + ")");
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", what + " could not be read: " + e.getMessage());
        }
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded " + file.name(), e);
        }
    }
}

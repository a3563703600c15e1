package com.wedsync.perf.gate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validation requests built from a real Lighthouse result with chosen LCP values, one run per value. */
final class Builds {

    static final String URL = "https://app.wedsync.example/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode LHR = load();

    private Builds() {
    }

    static Map<String, Object> request(String project, String buildId, String sha, String branch, String ancestorSha,
                                       long mainBundleBytes, double... lcps) {
        List<JsonNode> runs = new ArrayList<>();
        for (double lcp : lcps) {
            ObjectNode run = LHR.deepCopy();
            ((ObjectNode) run.path("audits").path("largest-contentful-paint")).put("numericValue", lcp);
            runs.add(run);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", project);
        body.put("buildId", buildId);
        body.put("environment", "staging");
        body.put("gitSha", sha);
        body.put("branch", branch);
        body.put("baseBranch", "main");
        if (ancestorSha != null) {
            body.put("ancestorSha", ancestorSha);
        }
        body.put("lighthouse", runs);
        body.put("bundles", List.of(Map.of("name", "dist/main.4f1c.js", "size", mainBundleBytes),
                Map.of("name", "dist/vendor.88aa.js", "size", 250 * 1024)));
        body.put("loadTest", Map.of("metrics", Map.of(
                "http_req_duration", Map.of("values", Map.of("p(95)", 320.0)),
                "http_req_failed", Map.of("values", Map.of("rate", 0.001)))));
        return body;
    }

    private static JsonNode load() {
        try (InputStream in = Builds.class.getResourceAsStream("/lhr/lhr-home-1.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

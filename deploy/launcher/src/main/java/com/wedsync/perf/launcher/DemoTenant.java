package com.wedsync.perf.launcher;

import com.wedsync.perf.model.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo tenant ./platform up registers through ingest's admin API, like any tenant: a premium studio whose
 * pages on {@code localhost:5173} may report, with limits generous enough for demos and benchmarks, and one token of
 * each scope: {@code console} (read), {@code oncall} (write: rules, silences, acks) and {@code admin} (its tokens).
 */
record DemoTenant(String id, String origin, String ingestKey, String serverKey, String readToken, String writeToken,
                  String adminToken) {

    static final String ID = "demo-studio";
    static final List<String> ORIGINS = List.of("http://localhost:5173", "http://127.0.0.1:5173");
    static final String INGEST_KEY = "pk_demo_studio";

    static DemoTenant register(String ingestUrl, String opsToken) throws IOException, InterruptedException {
        DemoTenant demo = new DemoTenant(ID, ORIGINS.get(0), INGEST_KEY, secret("sk_demo_"), secret("rt_demo_"),
                secret("wt_demo_"), secret("at_demo_"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Demo Studio");
        body.put("tier", "premium");
        body.put("ingestKeys", List.of(INGEST_KEY));
        body.put("allowedOrigins", ORIGINS);
        body.put("serverKey", demo.serverKey());
        body.put("tokens", List.of(Map.of("name", "console", "scope", "read", "token", demo.readToken()),
                Map.of("name", "oncall", "scope", "write", "token", demo.writeToken()),
                Map.of("name", "admin", "scope", "admin", "token", demo.adminToken())));
        body.put("rateLimits", Map.of("rumPerMinutePerIp", 1_000_000, "rumPerMinute", 100_000_000,
                "serverPerMinute", 100_000_000, "rumMetricsPerMinutePerIp", 100_000_000, "rumMetricsPerMinute", 1_000_000_000,
                "serverTimingsPerMinute", 1_000_000_000));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/admin/tenants/" + ID))
                        .header("Authorization", "Bearer " + opsToken).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("registering the demo tenant failed: " + response.statusCode() + " "
                    + response.body());
        }
        return demo;
    }

    Map<String, String> environment() {
        return Map.of("DEMO_TENANT", id, "DEMO_ORIGIN", origin, "DEMO_INGEST_KEY", ingestKey,
                "DEMO_SERVER_KEY", serverKey, "DEMO_READ_TOKEN", readToken, "DEMO_WRITE_TOKEN", writeToken,
                "DEMO_ADMIN_TOKEN", adminToken);
    }

    private static String secret(String prefix) {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicInteger;

/** Tenants registered through the admin API, with ids no other test (or earlier run on the same broker) uses. */
final class TestTenants {

    static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    static final String ORIGIN = "https://app.wedsync.example";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private TestTenants() {
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** Registers a tenant with one ingest key and the test origin; returns it with its generated server key. */
    static Registered register(String prefix, int rumPerMinutePerIp) {
        return registerWithLimits(prefix, """
                {"rumPerMinutePerIp": %d, "rumPerMinute": 1000000, "serverPerMinute": 1000000,
                 "rumMetricsPerMinutePerIp": 100000000, "rumMetricsPerMinute": 1000000000, "serverTimingsPerMinute": 1000000000}
                """.formatted(rumPerMinutePerIp));
    }

    /** Registers a tenant with these {@code rateLimits} (JSON; fields left out take their defaults). */
    static Registered registerWithLimits(String prefix, String rateLimits) {
        String id = uniqueId(prefix);
        String key = "pk_" + id.replace("-", "_");
        io.restassured.path.json.JsonPath answer = given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "ingestKeys": ["%s"], "allowedOrigins": ["%s"], "rateLimits": %s}
                        """.formatted(id, key, ORIGIN, rateLimits))
                .when().put("/v1/admin/tenants/" + id)
                .then().statusCode(200).extract().jsonPath();
        return new Registered(id, key, answer.getString("generatedServerKey"), answer.getString("generatedTokens.admin"),
                answer.getString("generatedTokens.write"), answer.getString("generatedTokens.read"));
    }

    static Registered register(String prefix) {
        return register(prefix, 1_000_000);
    }

    /** A registered tenant with its generated secrets: the server key and one token of each scope. */
    record Registered(String id, String key, String serverKey, String adminToken, String writeToken, String readToken) {
    }
}

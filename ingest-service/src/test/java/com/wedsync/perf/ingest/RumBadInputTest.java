package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a clear 4xx JSON answer, and nothing of it reaches Kafka. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RumBadInputTest {

    @Test
    void shouldRefuseEveryKindOfBadInputWithJsonAndPublishNothing() {
        TestTenants.Registered tenant = TestTenants.register("bad");
        TestTenants.Registered revoked = TestTenants.register("revoked");
        given().header("Authorization", TestTenants.OPS).contentType(ContentType.JSON)
                .body("{\"name\": \"revoked\", \"ingestKeys\": [\"pk_replacement_key\"], \"allowedOrigins\": [\""
                        + TestTenants.ORIGIN + "\"]}")
                .when().put("/v1/admin/tenants/" + revoked.id()).then().statusCode(200);

        try (TopicReader<RouteKey, RumMetric> rum = TopicReader.fromNow(Topics.RUM)) {
            String key = tenant.key();
            refused(beacon(key), "{\"page\": \"/\", \"metrics\": [", 400, "malformed_json");
            refused(beacon(key), "{\"page\": 5, \"metrics\": []}", 400, "invalid_field");
            refused(beacon(key), "{\"page\": \"/\", \"metrics\": {\"name\": \"LCP\"}}", 400, "invalid_field");
            refused(beacon(key), "{\"page\": \"/\", \"device\": [1], \"metrics\": []}", 400, "invalid_field");
            refused(beacon(key), "{\"page\": \"/\", \"variant\": \"no-arm\", \"metrics\": []}", 400, "invalid_field");
            refused(beacon(key), "{\"page\": \"/\", \"variant\": \"a:b:c\", \"metrics\": []}", 400, "invalid_field");
            refused(beacon(key), "{\"name\": \"XYZ\", \"value\": 1, \"navigationURL\": \"/\"}", 400, "no_valid_metrics");
            refused(beacon(key), "{\"name\": \"LCP\", \"value\": NaN, \"navigationURL\": \"/\"}", 400, "malformed_json");
            refused(beacon(key), "{\"name\": \"LCP\", \"value\": -1, \"navigationURL\": \"/\"}", 400, "no_valid_metrics");
            refused(beacon(key), "{\"name\": \"LCP\", \"value\": 1e9, \"navigationURL\": \"/\"}", 400, "no_valid_metrics");
            refused(beacon(key), "{\"name\": \"CLS\", \"value\": 101, \"navigationURL\": \"/\"}", 400, "no_valid_metrics");
            refused(beacon(key), "{\"name\": \"LCP\", \"value\": 1e400, \"navigationURL\": \"/\"}", 400, "no_valid_metrics");
            refused(beacon(key), "{\"name\": \"LCP\", \"value\": \"1200\", \"navigationURL\": \"/\"}", 400, "no_valid_metrics");
            refused(beacon(key), "{\"name\": \"LCP\", \"value\": " + "9".repeat(100) + ", \"navigationURL\": \"/\"}",
                    400, "body_too_complex");
            refused(beacon(key), "{\"page\": \"/\", \"metrics\": [], \"pad\": \"" + "x".repeat(70_000) + "\"}",
                    413, "body_too_large");
            assertThat(statusOfDeclaredBody(key, 2 * 1024 * 1024))
                    .as("a body declared beyond the server's 1 MB limit is refused before it is read")
                    .isEqualTo(413);
            refused(beacon(key), "{\"page\": \"/\", \"metrics\": [" + "{\"name\": \"LCP\", \"value\": 1},".repeat(100)
                    + "{\"name\": \"LCP\", \"value\": 1}]}", 400, "too_many_items");
            refused(beacon(key), "{\"page\": \"/\", \"metrics\": [{\"name\": \"LCP\", \"value\": 1, \"attribution\": "
                    + "[".repeat(40) + "]".repeat(40) + "}]}", 400, "body_too_complex");
            refused(beacon(key), "{\"metrics\": [{\"name\": \"LCP\", \"value\": 1}]}", 400, "missing_page");
            refused(beacon(key), "", 400, "empty_body");
            refused(beacon(key), "42", 400, "invalid_body");
            refused(beacon(key), "{\"page\": \"/\", \"metrics\": []}", 400, "no_metrics");
            refused(beacon(key).contentType("text/plain"),
                    new String("{\"page\": \"/caf\u00e9\", \"metrics\": []}".getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.ISO_8859_1), 400, "malformed_json", StandardCharsets.ISO_8859_1);
            refused(beacon("pk_no_such_key_123"), "{\"page\": \"/\", \"metrics\": [{\"name\": \"LCP\", \"value\": 1}]}",
                    403, "unknown_key");
            refused(beacon(revoked.key()), "{\"page\": \"/\", \"metrics\": [{\"name\": \"LCP\", \"value\": 1}]}",
                    403, "unknown_key");
            refused(given().header("Origin", TestTenants.ORIGIN), "{\"page\": \"/\", \"metrics\": []}", 401, "missing_key");
            refused(given().queryParam("key", key).header("Origin", "https://evil.example"),
                    "{\"page\": \"/\", \"metrics\": [{\"name\": \"LCP\", \"value\": 1}]}", 403, "origin_not_allowed");
            refused(given().queryParam("key", key), "{\"page\": \"/\", \"metrics\": [{\"name\": \"LCP\", \"value\": 1}]}",
                    403, "origin_required");

            assertThat(rum.drain(Duration.ofSeconds(2)))
                    .as("nothing of a refused request is published")
                    .noneMatch(r -> r.value().tenant().equals(tenant.id()) || r.value().tenant().equals(revoked.id()));
        }
    }

    /**
     * Declares a body of {@code length} bytes and sends none of it: the server must answer from the headers alone.
     * (Writing the 2 MB while the server has already answered and closed ends in a broken pipe on a busy machine.)
     */
    private static int statusOfDeclaredBody(String key, int length) {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /v1/rum?key=" + key + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + TestTenants.ORIGIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).as("status line").startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestSpecification beacon(String key) {
        return given().queryParam("key", key).header("Origin", TestTenants.ORIGIN).contentType("application/json");
    }

    private static void refused(RequestSpecification request, String body, int status, String error) {
        refused(request, body, status, error, StandardCharsets.UTF_8);
    }

    private static void refused(RequestSpecification request, String body, int status, String error,
                                java.nio.charset.Charset charset) {
        request.body(body.getBytes(charset))
                .when().post("/v1/rum")
                .then().statusCode(status)
                .contentType(ContentType.JSON)
                .body("error", equalTo(error))
                .body("detail", not(emptyOrNullString()));
    }
}

package com.wedsync.perf.ingest;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPOutputStream;

/** Raw OTLP/HTTP requests to the service under test, for what an exporter would never send or to send it by hand. */
final class OtlpHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OtlpHttp() {
    }

    /** {@code /otlp/v1/traces} or {@code /otlp/v1/metrics} of the running service. */
    static String endpoint(String signal) {
        return "http://127.0.0.1:" + RestAssured.port + "/otlp/v1/" + signal;
    }

    /** POSTs the body with the key as bearer token (none when null) and the content encoding (none when null). */
    static HttpResponse<byte[]> post(String signal, String key, String contentType, String encoding, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint(signal))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(raw);
        }
        return out.toByteArray();
    }
}

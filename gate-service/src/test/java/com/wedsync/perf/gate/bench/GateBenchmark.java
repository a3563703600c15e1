package com.wedsync.perf.gate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wedsync.perf.localstack.JdbcTarget;
import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.OwnClasspath;
import com.wedsync.perf.localstack.StackSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark (not a test): the built gate on a fresh local stack validates builds of 3 runs × 4 URLs of real-sized
 * Lighthouse results (~5 MB per request), one after another after a warm-up; prints p50 / p99 latency.
 */
public final class GateBenchmark {

    private static final String OPS = "bench-ops-token-0123456789abcdef01234";
    private static final String[] URLS = {"https://app.wedsync.example/", "https://app.wedsync.example/guests",
            "https://app.wedsync.example/timeline", "https://app.wedsync.example/budget"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private GateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmUp = Integer.getInteger("bench.warmup", 20);
        int measured = Integer.getInteger("bench.requests", 100);
        try (LocalStack stack = LocalStack.start(StackSettings.forTests(System.getenv(), Files.createTempDirectory("gate-bench")))) {
            JdbcTarget database = stack.database("gatebench");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("gate-bench", ".log");
            ProcessBuilder builder = new ProcessBuilder(OwnClasspath.javaExecutable(), "-Xmx512m", "-jar",
                    Path.of("gate-service", "target", "quarkus-app", "quarkus-run.jar").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "GATE_PORT",
                    Integer.toString(port), "PERF_OPS_TOKEN", OPS, "QUARKUS_DATASOURCE_JDBC_URL", database.url(),
                    "QUARKUS_DATASOURCE_USERNAME", database.user(), "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                    "PERF_SECRETS_KEY", "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32])));
            Process gate = builder.start();
            try {
                String base = "http://127.0.0.1:" + port;
                HttpClient http = HttpClient.newHttpClient();
                awaitReady(http, base, gate);
                String ci = JSON.readTree(post(http, base + "/v1/projects", "Bearer " + OPS,
                        "{\"id\":\"bench\"}").body()).path("tokens").path("CI").asText();
                Random random = new Random(42);
                byte[] sample = request(0, random);
                System.out.printf("request: 3 runs x 4 URLs, %.1f MB (log: %s)%n", sample.length / 1e6, log);
                for (int i = 0; i < warmUp; i++) {
                    send(http, base, ci, request(i, random));
                }
                double[] millis = new double[measured];
                for (int i = 0; i < measured; i++) {
                    millis[i] = send(http, base, ci, request(warmUp + i, random));
                }
                Arrays.sort(millis);
                System.out.printf("RESULT gate: POST /v1/gates/validate, 3 runs x 4 URLs of real-sized LHRs (%.1f MB), "
                        + "%d sequential requests after %d warm-up: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        sample.length / 1e6, measured, warmUp, millis[measured / 2], millis[(int) Math.ceil(measured * 0.99) - 1],
                        millis[measured - 1]);
            } finally {
                gate.destroy();
                gate.waitFor();
            }
        }
    }

    private static byte[] request(int build, Random random) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("project", "bench").put("buildId", "bench-" + build)
                .put("environment", "staging").put("gitSha", String.format("%08x", build)).put("branch", "main");
        ArrayNode runs = body.putArray("lighthouse");
        for (String url : URLS) {
            for (int run = 0; run < 3; run++) {
                runs.add(RealSizedLhr.of(url, 1800 + random.nextGaussian() * 100, random));
            }
        }
        return JSON.writeValueAsBytes(body);
    }

    private static double send(HttpClient http, String base, String ci, byte[] body) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/gates/validate"))
                .header("Authorization", "Bearer " + ci).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - started) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the gate answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    private static HttpResponse<String> post(HttpClient http, String url, String authorization, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitReady(HttpClient http, String base, Process gate) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && gate.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException starting) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the gate did not become ready (alive: " + gate.isAlive() + ")");
    }
}

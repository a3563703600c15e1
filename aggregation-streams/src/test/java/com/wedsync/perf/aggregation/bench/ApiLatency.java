package com.wedsync.perf.aggregation.bench;

import com.wedsync.perf.localstack.OwnClasspath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Trend API latency: the built service processes the pre-loaded input, then wrk asks 50 connections' worth of
 * GET /v1/trends for the 24-hour, 1-minute series (1,440 points) and reports p50 / p99.
 */
final class ApiLatency {

    private static final String OPS_TOKEN = "bench-ops-token-0123456789abcdef01234";

    private ApiLatency() {
    }

    static void measure(String bootstrap, long records) throws Exception {
        Path dir = Files.createTempDirectory("bench-api");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(OwnClasspath.javaExecutable(), "-Xmx512m", "-jar",
                Path.of("aggregation-streams", "target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        builder.environment().putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "AGGREGATION_PORT", Integer.toString(port),
                "AGGREGATION_APPLICATION_ID", "bench-api-" + UUID.randomUUID().toString().substring(0, 8),
                "AGGREGATION_STATE_DIR", dir.resolve("state").toString(), "PERF_OPS_TOKEN", OPS_TOKEN));
        Process service = builder.start();
        try {
            Instant to = Instant.now();
            String url = "http://127.0.0.1:" + port + "/v1/trends?tenant=" + BenchData.API_TENANT + "&metric=LCP&route="
                    + BenchData.API_ROUTE + "&device=mobile&resolution=1m&from=" + to.minus(Duration.ofHours(25)) + "&to=" + to;
            long started = System.nanoTime();
            int points = awaitPoints(url, service);
            System.out.printf("service processed %,d records; the day-long series has %,d points after %.0f s%n", records,
                    points, (System.nanoTime() - started) / 1e9);
            wrk(url, "10s");
            List<double[]> runs = new java.util.ArrayList<>();
            for (int run = 1; run <= RUNS; run++) {
                List<String> result = wrk(url, "20s");
                System.out.println("api run " + run + ": " + String.join(", ", result));
                runs.add(new double[]{millis(result, "50%"), millis(result, "99%"), number(result, "Requests/sec")});
            }
            System.out.printf(java.util.Locale.ROOT, "RESULT api: GET /v1/trends, %d points, 50 connections, median of %d "
                    + "runs of 20 s: p50 %.1f ms, p99 %.1f ms, %.0f requests/s%n", points, RUNS, median(runs, 0),
                    median(runs, 1), median(runs, 2));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static int awaitPoints(String url, Process service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline && service.isAlive()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + OPS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                int points = response.body().split("\"windowStart\"", -1).length - 1;
                if (response.statusCode() == 200 && points >= 1439) {
                    return points;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the day-long series never filled (service alive: " + service.isAlive() + ")");
    }

    private static final int RUNS = 3;

    private static double median(List<double[]> runs, int column) {
        double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    /** A wrk latency ("99% 37.80ms", also "us" and "s") in milliseconds. */
    private static double millis(List<String> lines, String label) {
        String value = lines.stream().filter(l -> l.startsWith(label)).findFirst().orElseThrow().split(" ")[1];
        double number = Double.parseDouble(value.replaceAll("[a-z]+$", ""));
        return value.endsWith("us") ? number / 1000 : value.endsWith("ms") ? number : number * 1000;
    }

    private static double number(List<String> lines, String label) {
        return Double.parseDouble(lines.stream().filter(l -> l.startsWith(label)).findFirst().orElseThrow().split(" ")[1]);
    }

    /** Runs wrk with 50 connections; returns its latency percentiles and request rate. */
    private static List<String> wrk(String url, String duration) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "--threads", "2", "--connections", "50", "--duration", duration,
                "--latency", "--header", "Authorization: Bearer " + OPS_TOKEN, url).redirectErrorStream(true).start();
        List<String> lines = new String(wrk.getInputStream().readAllBytes()).lines().map(String::strip).toList();
        wrk.waitFor();
        return lines.stream().filter(l -> l.startsWith("50%") || l.startsWith("99%") || l.startsWith("Requests/sec")
                || l.startsWith("Non-2xx")).map(l -> l.replaceAll("\\s+", " ")).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

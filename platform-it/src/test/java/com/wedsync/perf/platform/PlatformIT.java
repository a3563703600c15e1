package com.wedsync.perf.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.OwnClasspath;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Rating;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./platform up as a user runs it, against the built jars: the demo tenant's key takes a web-vitals batch, the
 * metrics land on perf.rum.v1 rated and routed, and SIGTERM leaves no process behind.
 */
class PlatformIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldTakeADemoBeaconIntoKafkaAndStopCleanly() throws Exception {
        Path output = dataDir.resolve("platform.out");
        Path envFile = dataDir.resolve("platform.env");
        ProcessBuilder builder = new ProcessBuilder(OwnClasspath.javaExecutable(), "-cp", OwnClasspath.get(),
                "com.wedsync.perf.localstack.PlatformMain", "--env-file", envFile.toString(), "--project-dir", "..")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.equals("KAFKA_BOOTSTRAP_SERVERS") || k.startsWith("PERF_"));
        builder.environment().putAll(Map.of("PERF_DATA_DIR", dataDir.toString(), "PERF_KAFKA_PORT", freePort(),
                "PERF_KAFKA_CONTROLLER_PORT", freePort(), "PERF_POSTGRES_PORT", freePort(), "INGEST_PORT", freePort(),
                "AGGREGATION_PORT", freePort(), "ALERTING_PORT", freePort(), "SCALING_PORT", freePort(), "GATE_PORT", freePort()));
        builder.environment().put("CONSOLE_PORT", freePort());
        Process platform = builder.start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    Files.readString(output).contains("Ready in") || !platform.isAlive());
            assertThat(Files.readString(output)).contains("Ready in", "Demo tenant demo-studio");
            Map<String, String> env = readEnv(envFile);
            List<ProcessHandle> children = platform.children().toList();
            assertThat(children).as("broker, ingest-service, aggregation-streams").hasSizeGreaterThanOrEqualTo(3);
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(env.get("AGGREGATION_URL") + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(env.get("INGEST_URL") + "/v1/rum?key=" + env.get("DEMO_INGEST_KEY")))
                    .header("Origin", env.get("DEMO_ORIGIN")).header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"page": "http://localhost:5173/clients/8231/forms?token=abc", "device": "desktop",
                             "metrics": [{"name": "LCP", "value": 4600, "rating": "good", "id": "it-lcp"},
                                         {"name": "CLS", "value": 0.02, "id": "it-cls"}]}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

            List<RumMetric> metrics = readDemoMetrics(env.get("KAFKA_BOOTSTRAP_SERVERS"), env.get("DEMO_TENANT"), 2);
            assertThat(metrics).extracting(RumMetric::route).containsOnly("/clients/:id/forms");
            assertThat(metrics).filteredOn(m -> m.metric() == Metric.LCP).extracting(RumMetric::rating)
                    .containsExactly(Rating.POOR);

            new ProcessBuilder("kill", "-TERM", Long.toString(platform.pid())).start().waitFor();
            assertThat(platform.waitFor(90, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(envFile).doesNotExist();
        } finally {
            platform.destroyForcibly();
        }
    }

    private static List<RumMetric> readDemoMetrics(String bootstrap, String tenant, int expected) {
        try (KafkaConsumer<RouteKey, RumMetric> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                Topics.RUM.keySerde().deserializer(), Topics.RUM.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RUM.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<RumMetric> metrics = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (metrics.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<RouteKey, RumMetric> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().tenant().equals(tenant)) {
                        metrics.add(record.value());
                    }
                }
            }
            return metrics;
        }
    }

    private static Map<String, String> readEnv(Path file) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    private static String freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Integer.toString(socket.getLocalPort());
        }
    }
}

package com.wedsync.perf.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.TopicRecords;
import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.model.vitals.Rating;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./platform up} as a user runs it, from the built jars, then through stop and start cycles on the same data (one stop by SIGTERM, one by kill -9 of
 * the whole process tree, broker included), with poison records on the topics: after every start the new minute's
 * point appears within window + grace + 60 s, every minute counts exactly the metrics ingest acknowledged, and every
 * poison record is on the dead-letter topic once per consumer. The first start also checks what a user sees (the demo
 * tenant, a beacon rated and routed without its PII) and the first stop that SIGTERM leaves nothing behind. A back
 * end's 10,000 spans sent through the OpenTelemetry SDK's OTLP exporter at the first start are, after every restart,
 * one minute of exactly 10,000 with p95 within 1 % of the exact value.
 * {@code -Dfaults.cycles=5} runs more cycles.
 */
class FaultsIT {

    private static final String ROUTE = "/faults/restart";
    private static final Duration GRACE = Duration.ofSeconds(5);
    /**
     * The new minute's point: its window, the grace and 60 s. A stopped aggregation instance leaves its consumer group
     * (a killed one is noticed after the 15 s session timeout), and its partitions without new records count as
     * drained 30 s after they start, so neither holds a restarted platform's first minute back beyond the bound.
     */
    private static final Duration POINT_WITHIN = Duration.ofMinutes(1).plus(GRACE).plusSeconds(60);
    private static final String OPS_TOKEN = "ops_faults_it_0123456789abcdef012345";
    private static final int OTLP_SPANS = 10_000;
    /** Guest-list loads in seconds, log-normal around 0.3 s: what the SDK's histogram is fed, half before a restart. */
    private static final double[] HISTOGRAM_SECONDS = logNormalSeconds(10_000, 0.3, 0.5);
    private OtlpHistograms histograms;

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private int sent;

    @Test
    void shouldKeepEveryMinuteExactThroughStopsKillsAndPoisonRecords() throws Exception {
        int cycles = Integer.getInteger("faults.cycles", 2);
        Map<String, String> environment = new HashMap<>(RunningPlatform.freePorts());
        environment.put("AGGREGATION_GRACE", GRACE.toSeconds() + "s");
        environment.put("PERF_OPS_TOKEN", OPS_TOKEN);
        List<RecordMetadata> rumPoison = List.of();
        List<RecordMetadata> trendPoison = List.of();
        List<String> figures = new ArrayList<>();
        String otlpTenant = "otlp-backend-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        for (int cycle = 0; cycle <= cycles; cycle++) {
            try (RunningPlatform platform = RunningPlatform.start("FaultsIT-" + cycle, dataDir, environment)) {
                TopicRecords topics = new TopicRecords(platform.env("KAFKA_BOOTSTRAP_SERVERS"));
                if (cycle == 0) {
                    assertAsAUserStartsIt(platform);
                    rumPoison = poison(topics, Topics.RUM.name());
                    trendPoison = poison(topics, Topics.TRENDS.name());
                    String serverKey = sendSpansInOneMinute(platform, otlpTenant);
                    histograms = new OtlpHistograms(platform.env("INGEST_URL"), serverKey, "guest_list_access");
                    histograms.recordAndExport(java.util.Arrays.copyOf(HISTOGRAM_SECONDS, HISTOGRAM_SECONDS.length / 2));
                } else if (cycle == 1) {
                    // The same SDK process after the platform's restart: its cumulative export counts both halves.
                    histograms.recordAndExport(java.util.Arrays.copyOfRange(HISTOGRAM_SECONDS, HISTOGRAM_SECONDS.length / 2,
                            HISTOGRAM_SECONDS.length));
                }
                Instant sentAt = Instant.now();
                Instant minute = sendBeacons(platform, "c" + cycle + "a", 30);
                if (cycle > 0) {
                    await().atMost(POINT_WITHIN.plusSeconds(60)).pollInterval(Duration.ofSeconds(2))
                            .until(() -> points(platform).containsKey(minute));
                    Duration took = Duration.between(sentAt, Instant.now());
                    figures.add("restart " + cycle + ": new minute's point after " + took.toSeconds() + " s");
                    assertThat(took).as("the new minute's point after restart %d", cycle).isLessThanOrEqualTo(POINT_WITHIN);
                    // The beacons may straddle a minute boundary: the later minute closes a minute after the first.
                    awaitAllMinutesClosed(platform);
                    assertThat(points(platform)).as("every minute so far counts what was acknowledged, once")
                            .containsAllEntriesOf(expectedCounts(platform));
                }

                if (cycle < cycles) {
                    sendBeacons(platform, "c" + cycle + "b", 10);
                    if (cycle % 2 == 1) {
                        platform.kill();
                    } else {
                        assertThat(platform.stop()).as("stopped after SIGTERM, every process with it").isTrue();
                        assertThat(platform.envFile()).doesNotExist();
                    }
                } else {
                    awaitAllMinutesClosed(platform);
                    assertThat(points(platform)).isEqualTo(expectedCounts(platform));
                    assertDeadLettersOnce(topics, "aggregation-streams", rumPoison);
                    figures.add(assertSpansTrended(platform, otlpTenant));
                    figures.add(assertHistogramTrended(platform, otlpTenant));
                    histograms.close();
                    for (String consumer : List.of("alerting-service", "scaling-service", "gate-service")) {
                        assertDeadLettersOnce(topics, consumer, trendPoison);
                    }
                    assertThat(platform.stop()).isTrue();
                }
            }
        }
        System.out.println("[FaultsIT] " + String.join("; ", figures) + "; " + sent + " metrics acknowledged");
    }

    /**
     * As a user runs it: ready with the demo tenant, every service ready, and a web-vitals batch from a page whose URL
     * carries an id and a token lands on perf.rum.v1 rated by the server and routed without them.
     */
    private void assertAsAUserStartsIt(RunningPlatform platform) throws Exception {
        assertThat(platform.output()).contains("Ready in", "Demo tenant demo-studio");
        assertThat(platform.children()).as("broker and services").hasSizeGreaterThanOrEqualTo(6);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(platform.env("AGGREGATION_URL") + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.env("INGEST_URL")
                        + "/v1/rum?key=" + platform.env("DEMO_INGEST_KEY")))
                .header("Origin", platform.env("DEMO_ORIGIN")).header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"page": "http://localhost:5173/clients/8231/forms?token=abc", "device": "desktop",
                         "metrics": [{"name": "LCP", "value": 4600, "rating": "good", "id": "it-lcp"},
                                     {"name": "CLS", "value": 0.02, "id": "it-cls"}]}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<RumMetric> metrics = RumTopic.read(platform.env("KAFKA_BOOTSTRAP_SERVERS"), platform.env("DEMO_TENANT"),
                2, Duration.ofSeconds(30));
        assertThat(metrics).extracting(RumMetric::route).containsOnly("/clients/:id/forms");
        assertThat(metrics).filteredOn(m -> m.metric() == Metric.LCP).extracting(RumMetric::rating)
                .containsExactly(Rating.POOR);
    }

    /** Records nobody should write: empty, cut short, a broken invariant, an event time in the year 3000. */
    private static List<RecordMetadata> poison(TopicRecords topics, String topic) {
        return List.of(topics.send(topic, 0, "{}"),
                topics.send(topic, 1, "{\"tenant\":\"demo-studio\",\"route\":\"/x\",\"metr"),
                topics.send(topic, 2, "{\"tenant\":\"demo-studio\",\"route\":\"/x\",\"metric\":\"LCP\",\"value\":-1,"
                        + "\"rating\":\"GOOD\",\"device\":\"DESKTOP\",\"receivedAt\":\"2026-01-01T00:00:00Z\"}"),
                topics.send(topic, 3, "{\"tenant\":\"demo-studio\",\"route\":\"/x\",\"metric\":\"LCP\",\"value\":900,"
                        + "\"rating\":\"GOOD\",\"device\":\"DESKTOP\",\"receivedAt\":\"3000-01-01T00:00:00Z\"}"));
    }

    /** Sends {@code count} LCP metrics with fresh ids in beacons of five; returns the minute they were sent in. */
    private Instant sendBeacons(RunningPlatform platform, String batch, int count) throws Exception {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (int first = 0; first < count; first += 5) {
            StringBuilder metrics = new StringBuilder();
            for (int i = first; i < first + 5; i++) {
                metrics.append(i == first ? "" : ",").append("{\"name\":\"LCP\",\"value\":").append(1000 + i * 10)
                        .append(",\"id\":\"").append(batch).append('-').append(i).append("\"}");
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.env("INGEST_URL")
                            + "/v1/rum?key=" + platform.env("DEMO_INGEST_KEY")))
                    .header("Origin", platform.env("DEMO_ORIGIN")).header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"page\":\"http://localhost:5173" + ROUTE
                            + "\",\"device\":\"desktop\",\"metrics\":[" + metrics + "]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            sent += 5;
        }
        return minute;
    }

    /**
     * A back end's 10,000 photo_upload spans through the OpenTelemetry SDK's OTLP/HTTP exporter, sent inside one
     * minute (they are timed when ingest receives them) by a tenant registered for it.
     */
    private String sendSpansInOneMinute(RunningPlatform platform, String tenant) throws Exception {
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(platform.env("INGEST_URL")
                        + "/v1/admin/tenants/" + tenant)).header("Authorization", "Bearer " + OPS_TOKEN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "%s", "ingestKeys": ["pk_%s"], "allowedOrigins": ["https://otlp.example"]}
                        """.formatted(tenant, tenant.replace('-', '_')))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        String serverKey = (String) Json.object(registered.body()).get("generatedServerKey");
        int second = Instant.now().atZone(java.time.ZoneOffset.UTC).getSecond();
        if (second > 30) {
            Thread.sleep((61 - second) * 1000L);
        }
        OtlpSpans.send(platform.env("INGEST_URL"), serverKey, "photo_upload", OTLP_SPANS);
        return serverKey;
    }

    private static double[] logNormalSeconds(int n, double median, double sigma) {
        java.util.Random random = new java.util.Random(2026);
        double[] seconds = new double[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = median * Math.exp(sigma * random.nextGaussian());
        }
        return seconds;
    }

    /**
     * The histogram's minutes, after the restarts: every value once — the export after the first restart counted only
     * what it added to the one before — and the first minute's percentiles within the accuracy its point states.
     */
    private String assertHistogramTrended(RunningPlatform platform, String tenant) {
        List<Map<String, Object>> points = await().atMost(POINT_WITHIN).pollInterval(Duration.ofSeconds(2)).until(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.env("AGGREGATION_URL")
                            + "/v1/trends?tenant=" + tenant + "&source=server&metric=guest_list_access&resolution=1m&from="
                            + Instant.now().minus(Duration.ofHours(2))))
                    .header("Authorization", "Bearer " + OPS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Json.points(response.body()) : List.<Map<String, Object>>of();
        }, found -> found.stream().mapToLong(p -> ((Number) p.get("count")).longValue()).sum() >= HISTOGRAM_SECONDS.length);
        assertThat(points.stream().mapToLong(p -> ((Number) p.get("count")).longValue()).sum())
                .as("every recorded duration, once").isEqualTo(HISTOGRAM_SECONDS.length);
        Map<String, Object> first = points.get(0);
        // Both exports land in one minute when the restart between them took less than the rest of it.
        int firstCount = (int) ((Number) first.get("count")).longValue();
        assertThat(firstCount).isIn(HISTOGRAM_SECONDS.length / 2, HISTOGRAM_SECONDS.length);
        double bound = ((Number) first.get("relativeAccuracy")).doubleValue();
        assertThat(bound).as("stated wider than the sketch's 1 %%: the buckets' width is in it").isGreaterThan(0.01)
                .isLessThan(0.1);
        double[] sorted = java.util.Arrays.copyOf(HISTOGRAM_SECONDS, firstCount);
        java.util.Arrays.sort(sorted);
        StringBuilder figure = new StringBuilder(String.format(java.util.Locale.ROOT,
                "OTLP exponential histogram, %,d values over a restart → count %d; bound %.4f;", HISTOGRAM_SECONDS.length,
                points.stream().mapToLong(p -> ((Number) p.get("count")).longValue()).sum(), bound));
        for (String percentile : List.of("p50", "p95", "p99")) {
            double q = Integer.parseInt(percentile.substring(1)) / 100.0;
            double exact = sorted[(int) Math.floor(q * (sorted.length - 1))] * 1000;
            double reported = ((Number) first.get(percentile)).doubleValue();
            assertThat(Math.abs(reported - exact) / exact).as("%s %s ms against the exact %s ms", percentile, reported, exact)
                    .isLessThanOrEqualTo(bound);
            figure.append(String.format(java.util.Locale.ROOT, " %s %.1f ms (exact %.1f, %+.2f %%)", percentile, reported,
                    exact, (reported - exact) / exact * 100));
        }
        return figure.toString();
    }

    /** The spans' minute, after the restarts: exactly their count, and p95 within the sketches' 1 % of the exact. */
    private String assertSpansTrended(RunningPlatform platform, String tenant) {
        double exactP95 = Math.ceil(OTLP_SPANS * 0.95) / 10.0;
        Map<String, Object> point = await().atMost(POINT_WITHIN).pollInterval(Duration.ofSeconds(2)).until(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.env("AGGREGATION_URL")
                            + "/v1/trends?tenant=" + tenant + "&source=server&metric=photo_upload&resolution=1m&from="
                            + Instant.now().minus(Duration.ofHours(2))))
                    .header("Authorization", "Bearer " + OPS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            List<Map<String, Object>> points = response.statusCode() == 200 ? Json.points(response.body()) : List.of();
            return points.isEmpty() ? null : points.get(0);
        }, found -> found != null);
        assertThat(((Number) point.get("count")).longValue()).as("every span, once").isEqualTo(OTLP_SPANS);
        double p95 = ((Number) point.get("p95")).doubleValue();
        assertThat(p95).as("p95 against the exact %s ms", exactP95).isCloseTo(exactP95, org.assertj.core.data.Percentage.withPercentage(1));
        return String.format(java.util.Locale.ROOT, "%,d OTLP spans → count %d, p95 %.1f ms (exact %.1f)", OTLP_SPANS,
                ((Number) point.get("count")).longValue(), p95, exactP95);
    }

    /** The closed minutes of the route's LCP on desktop, as the trend API serves them: window start → count. */
    private Map<Instant, Long> points(RunningPlatform platform) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.env("AGGREGATION_URL")
                        + "/v1/trends?tenant=" + platform.env("DEMO_TENANT") + "&route=" + ROUTE
                        + "&metric=LCP&device=desktop&resolution=1m&from=" + Instant.now().minus(Duration.ofHours(2))))
                .header("Authorization", "Bearer " + OPS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Map.of();
        }
        Map<Instant, Long> counts = new TreeMap<>();
        for (Map<String, Object> point : Json.points(response.body())) {
            counts.put(Instant.parse((String) point.get("windowStart")), ((Number) point.get("count")).longValue());
        }
        return counts;
    }

    /** What ingest acknowledged, from perf.rum.v1: distinct metric ids per minute of their receive time. */
    private Map<Instant, Long> expectedCounts(RunningPlatform platform) {
        Map<String, Instant> ids = new LinkedHashMap<>();
        for (RumMetric metric : RumTopic.readReadable(platform.env("KAFKA_BOOTSTRAP_SERVERS"), platform.env("DEMO_TENANT"))) {
            if (metric.route().equals(ROUTE)) {
                ids.putIfAbsent(metric.metricId(), metric.receivedAt().truncatedTo(ChronoUnit.MINUTES));
            }
        }
        assertThat(ids).hasSize(sent);
        Map<Instant, Long> counts = new TreeMap<>();
        ids.values().forEach(minute -> counts.merge(minute, 1L, Long::sum));
        return counts;
    }

    private void awaitAllMinutesClosed(RunningPlatform platform) {
        await().atMost(POINT_WITHIN.plusSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> points(platform).keySet().containsAll(expectedCounts(platform).keySet()));
    }

    private static void assertDeadLettersOnce(TopicRecords topics, String consumer, List<RecordMetadata> poison) {
        List<DeadLetter> letters = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> topics.deadLetters(consumer, poison), found -> found.size() >= poison.size());
        assertThat(letters).as("%s's dead letters, each exactly once", consumer).hasSize(poison.size());
    }
}

package com.wedsync.perf.aggregation.bench;

import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.Attribution;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.model.vitals.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The benchmark's input on perf.rum.v1: many tenants, routes, metrics and devices at {@value #PER_MINUTE} metrics per
 * minute of event time — a Saturday peak of 10,000 concurrent users, each page view sending five metrics about
 * every half minute — where one in ten reports an update of an earlier CLS/INP id; plus one series with a point in
 * every minute of the last 24 hours for the API latency test.
 */
final class BenchData {

    static final String API_TENANT = "bench-api";
    static final String API_ROUTE = "/guests";
    static final long PER_MINUTE = 100_000;
    /** {@code -Dbench.attribution=true} (BENCH_ATTRIBUTION): every metric comes with web-vitals attribution. */
    static final boolean ATTRIBUTION = Boolean.getBoolean("bench.attribution");
    /**
     * {@code -Dbench.arms=true} (BENCH_ARMS): every metric names its release and one of two arms of its tenant's
     * experiment, so each sample also counts in two arm series.
     */
    static final boolean ARMS = Boolean.getBoolean("bench.arms");
    private static final Metric[] METRICS = {Metric.LCP, Metric.FCP, Metric.TTFB, Metric.INP, Metric.CLS};
    private static final DeviceClass[] DEVICES = {DeviceClass.MOBILE, DeviceClass.DESKTOP, DeviceClass.TABLET};

    private BenchData() {
    }

    /** Writes the day-long API series, then {@code records} metrics at {@value #PER_MINUTE} a minute up to {@code end}. */
    static long load(String bootstrapServers, long records, int tenants, int routes, Instant end) {
        Random random = new Random(42);
        long sent = 0;
        try (KafkaProducer<RouteKey, RumMetric> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "1", "linger.ms", 20, "batch.size", 262_144, "compression.type", "lz4"),
                Topics.RUM.keySerde().serializer(), Topics.RUM.valueSerde().serializer())) {
            // partitions are in time order, as ingest writes them: the day-long series ends where the rest begins
            Duration span = Duration.ofMinutes(Math.max(1, records / PER_MINUTE));
            Instant dayStart = end.minus(span).minus(Duration.ofHours(24));
            for (int minute = 0; minute < 24 * 60; minute++) {
                for (int i = 0; i < 3; i++) {
                    Instant at = dayStart.plusSeconds(minute * 60L + i * 15L);
                    send(producer, RumMetric.of(API_TENANT, API_ROUTE, Metric.LCP, lcp(random), DeviceClass.MOBILE,
                            "4g", "navigate", "api-" + minute + "-" + i, null, at));
                    sent++;
                }
            }
            Instant hourStart = end.minus(span);
            long stepNanos = span.toNanos() / records;
            for (long i = 0; i < records; i++) {
                Instant at = hourStart.plusNanos(i * stepNanos);
                Metric metric = METRICS[random.nextInt(METRICS.length)];
                boolean update = (metric == Metric.CLS || metric == Metric.INP) && i > 1000 && random.nextInt(10) == 0;
                long idNumber = update ? i - 1 - random.nextInt(1000) : i;
                String tenant = "studio-" + (idNumber % tenants);
                String route = "/page-" + ((idNumber / tenants) % routes) + "/:id";
                DeviceClass device = DEVICES[(int) (idNumber % DEVICES.length)];
                double value = metric == Metric.CLS ? (random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.4)
                        : metric == Metric.INP ? 40 + random.nextDouble() * 400 : lcp(random);
                RumMetric sample = RumMetric.of(tenant, route, metric, value, device, "4g", "navigate",
                        "v5-" + idNumber + "-" + metric.name(), null, at, ATTRIBUTION ? attribution(metric, random) : null);
                send(producer, ARMS ? sample.withVariantAndRelease("grid-v2:" + (idNumber % 2 == 0 ? "A" : "B"),
                        "2026.12." + (idNumber % 7 == 0 ? 2 : 1)) : sample);
                sent++;
            }
            producer.flush();
        }
        return sent;
    }

    /**
     * What web-vitals' attribution build sends with a metric: for INP a selector of 40 per page (one in three is the
     * same button), its script and phases; for LCP an element, its image and its four sub-parts; CLS its shift
     * target; FCP and TTFB their sub-parts.
     */
    private static Attribution attribution(Metric metric, Random random) {
        String target = random.nextInt(3) == 0 ? "main>form>button#save-rsvp"
                : "main>section.list>li.row-" + (char) ('a' + random.nextInt(40)) + ">button.btn";
        return switch (metric) {
            case INP -> Attribution.kept(metric.name(), target, "pointer", "https://app.wedsync.example/static/js/guests.3f9a1c2b.js",
                    "event-listener", null, null, null, null, Map.of("inputDelay", 5 + random.nextDouble() * 40,
                    "processingDuration", 20 + random.nextDouble() * 300, "presentationDelay", 10 + random.nextDouble() * 60));
            case LCP -> Attribution.kept(metric.name(), "main>img.hero-" + random.nextInt(5), null, null, null,
                    "https://img.wedsync.example/photos/cover-" + random.nextInt(5) + ".png", null, null, null,
                    Map.of("timeToFirstByte", 200 + random.nextDouble() * 400, "resourceLoadDelay", random.nextDouble() * 800,
                            "resourceLoadDuration", random.nextDouble() * 1500, "elementRenderDelay", random.nextDouble() * 300));
            case CLS -> Attribution.kept(metric.name(), "div#banner", null, null, null, null, null, null, null,
                    Map.of("largestShiftTime", random.nextDouble() * 3000));
            case FCP -> Attribution.kept(metric.name(), null, null, null, null, null, null, null, null,
                    Map.of("timeToFirstByte", 200 + random.nextDouble() * 400, "firstByteToFCP", random.nextDouble() * 900));
            default -> Attribution.kept(metric.name(), null, null, null, null, null, null, null, null, Map.of("waitingDuration",
                    random.nextDouble() * 10, "dnsDuration", random.nextDouble() * 50, "connectionDuration",
                    random.nextDouble() * 80, "requestDuration", 100 + random.nextDouble() * 400));
        };
    }

    private static double lcp(Random random) {
        return Math.min(600_000, Math.exp(7.6 + 0.5 * random.nextGaussian()));
    }

    private static void send(KafkaProducer<RouteKey, RumMetric> producer, RumMetric metric) {
        producer.send(new ProducerRecord<>(Topics.RUM.name(), null, metric.receivedAt().toEpochMilli(), metric.key(), metric));
    }
}

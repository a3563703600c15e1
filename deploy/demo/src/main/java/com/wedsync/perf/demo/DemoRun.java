package com.wedsync.perf.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code ./platform up --demo}: seeds three tenants (the premium demo studio with 200 upcoming weddings, one of them
 * today, and two standard tenants), points their alerts at a local sink, then drives bounded traffic through the
 * public APIs only — page views and server timings, a slow page on the studio's mobile guest list, and every ten
 * minutes a two-minute noisy-neighbour episode — validates two builds at the gate, and prints progress every 5 s.
 * Everything goes to 127.0.0.1; the traffic stops by itself after {@code DEMO_MINUTES} (60).
 */
public final class DemoRun implements AutoCloseable {

    /**
     * The services' settings for a demo: windows close, alerts fire and neighbours are judged within minutes. A
     * minute is judged for interference 15 s after its first trend points arrive, so that every tenant's point is
     * there also on a busy laptop (with 5 s, a loaded machine judged minutes with some tenants missing).
     */
    public static final Map<String, String> SERVICE_SETTINGS = Map.of("AGGREGATION_GRACE", "5s",
            "INTERFERENCE_MIN_HISTORY_MINUTES", "2", "INTERFERENCE_EVALUATION_DELAY", "15s", "ALERTING_FOR", "1m",
            "ALERTING_KEEP_FIRING_FOR", "2m", "ALERTING_MIN_SAMPLES", "10");
    public static final int SINK_PORT = 8089;
    /** The demo studio's wedding of today (ceremony 90 minutes after the demo starts). */
    static final String TODAYS_WEDDING = "demo-today";
    /** Ingest takes at most 100 server timings per request. */
    private static final int MAX_BATCH = 100;
    private static final Duration EPISODE_EVERY = Duration.ofMinutes(10);
    private static final Duration EPISODE_LENGTH = Duration.ofMinutes(2);
    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final Map<String, String> env;
    private final Consumer<String> say;
    private final Api api = new Api();
    private final Traffic traffic = new Traffic();
    private final List<DemoTenantSpec> tenants = new ArrayList<>();
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "demo");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong pageViews = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Instant started = Instant.now();
    /** The tenant whose back end reports through OTLP with the OpenTelemetry SDK; the others post their timings. */
    private static final String OTLP_TENANT = "planner-bloom";
    private OtlpBackend otlp;
    /**
     * Episodes start on a minute boundary after at least one clean full minute and a partial one of 30 s or more:
     * interference is judged against the minutes before, and an episode starting inside one of them would raise
     * the baseline and hide itself.
     */
    private final Instant firstEpisode = started.plusSeconds(30).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
    private final Duration limit;
    private DemoSink sink;
    private volatile String lastFailure;

    private DemoRun(Map<String, String> env, Consumer<String> say) {
        this.env = env;
        this.say = say;
        this.limit = Duration.ofMinutes(Long.parseLong(System.getenv().getOrDefault("DEMO_MINUTES", "60")));
    }

    /** Seeds and starts the demo; close() stops it. */
    public static DemoRun start(Map<String, String> env, Consumer<String> say) throws IOException {
        DemoRun demo = new DemoRun(env, say);
        demo.sink = new DemoSink(Integer.parseInt(System.getenv().getOrDefault("DEMO_SINK_PORT", Integer.toString(SINK_PORT))),
                (path, body) -> say.accept("demo: alert delivered to the sink's " + path + ": " + summary(body)));
        demo.seed();
        demo.ticks.scheduleAtFixedRate(demo::guarded, 0, 1, TimeUnit.SECONDS);
        demo.ticks.scheduleAtFixedRate(demo::progress, 5, 5, TimeUnit.SECONDS);
        demo.ticks.schedule(demo::gate, 3, TimeUnit.SECONDS);
        return demo;
    }

    public String sinkUrl() {
        return sink.url("/ops");
    }

    private void seed() {
        String ingest = env.get("INGEST_URL");
        String ops = env.get("PERF_OPS_TOKEN");
        tenants.add(new DemoTenantSpec(env.get("DEMO_TENANT"), "Demo Studio", "premium", env.get("DEMO_INGEST_KEY"),
                env.get("DEMO_SERVER_KEY"), env.get("DEMO_READ_TOKEN"), 12, 20, "/weddings/2041/guests"));
        tenants.add(register(ingest, ops, "planner-bloom", "Bloom Planning", 6, 12));
        tenants.add(register(ingest, ops, "venue-giant", "Giant Venues", 8, 16));
        Random random = new Random(7);
        LocalDate today = LocalDate.now(ZONE);
        int weddings = 0;
        wedding(ingest, tenants.get(0), TODAYS_WEDDING, Instant.now().plus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.MINUTES), 240, 14);
        LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        for (int i = 0; i < 199; i++) {
            LocalDate day = saturday.plusWeeks(i / 25).minusDays(random.nextDouble() < 0.8 ? 0 : 1);
            Instant ceremony = day.atTime(11 + random.nextInt(6), random.nextBoolean() ? 0 : 30).atZone(ZONE).toInstant();
            wedding(ingest, tenants.get(0), "demo-" + i, ceremony, 60 + random.nextInt(240), 4 + random.nextInt(12));
            weddings++;
        }
        for (DemoTenantSpec other : tenants.subList(1, 3)) {
            for (int i = 0; i < 3; i++) {
                wedding(ingest, other, other.id() + "-" + i, saturday.atTime(13 + i, 0).atZone(ZONE).toInstant(), 120, 8);
            }
        }
        for (DemoTenantSpec tenant : tenants) {
            api.put(env.get("ALERTING_URL") + "/v1/tenants/" + tenant.id() + "/notifications", ops,
                    Map.of("slackWebhookUrl", sink.url("/slack/" + tenant.id())));
        }
        say.accept("demo: tenants " + tenants.stream().map(DemoTenantSpec::id).toList() + "; " + (weddings + 1)
                + " weddings for " + tenants.get(0).id() + " (one today at " + LocalDate.now(ZONE) + ", ceremony in 90 min), 3 each for the "
                + "others next Saturday; alerts go to " + sink.url("/"));
    }

    private DemoTenantSpec register(String ingest, String ops, String id, String name, int pageViews, int requests) {
        String serverKey = "sk_" + id + "_" + Long.toHexString(new Random().nextLong());
        String readToken = "rt_" + id + "_" + Long.toHexString(new Random().nextLong());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("tier", "standard");
        body.put("ingestKeys", List.of("pk_" + id));
        body.put("allowedOrigins", List.of("http://localhost:5173"));
        body.put("serverKey", serverKey);
        body.put("tokens", List.of(Map.of("name", "console", "scope", "read", "token", readToken)));
        body.put("rateLimits", Map.of("rumPerMinutePerIp", 1_000_000, "rumPerMinute", 100_000_000, "serverPerMinute", 100_000_000,
                "rumMetricsPerMinutePerIp", 100_000_000, "rumMetricsPerMinute", 1_000_000_000,
                "serverTimingsPerMinute", 1_000_000_000));
        api.put(ingest + "/v1/admin/tenants/" + id, ops, body);
        return new DemoTenantSpec(id, name, "standard", "pk_" + id, serverKey, readToken, pageViews, requests, null);
    }

    private void wedding(String ingest, DemoTenantSpec tenant, String id, Instant ceremony, int guests, int vendors) {
        api.put(ingest + "/v1/weddings/" + id, tenant.serverKey(), Map.of("ceremonyAt",
                ceremony.atZone(ZONE).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString(), "timeZone", ZONE.getId(),
                "guestCount", guests, "vendorCount", vendors));
    }

    private void guarded() {
        try {
            if (Duration.between(started, Instant.now()).compareTo(limit) > 0) {
                return;
            }
            tick();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            lastFailure = e.getMessage();
        }
    }

    /** One second of traffic: every tenant's page views and back-end requests, a neighbour's spike in an episode. */
    private void tick() {
        boolean episode = inEpisode();
        for (DemoTenantSpec tenant : tenants) {
            for (int i = 0; i < tenant.pageViewsPerSecond(); i++) {
                api.send("POST", env.get("INGEST_URL") + "/v1/rum?key=" + tenant.ingestKey(), null,
                        traffic.pageView(tenant), Map.of("Origin", "http://localhost:5173"));
                pageViews.incrementAndGet();
            }
            boolean antagonist = tenant.id().equals("venue-giant");
            int count = episode && antagonist ? tenant.requestsPerSecond() * 8 : tenant.requestsPerSecond();
            double slowdown = episode && !antagonist ? 2.0 : 1.0;
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // The studio is on its wedding day, where 0.1% errors alert: its back ends behave. Half its requests
                // serve today's wedding, and say so: the wedding's objectives are counted from them.
                Map<String, Object> timing = traffic.serverTiming(traffic.operation(), slowdown,
                        tenant.tier().equals("premium") ? 0 : 0.0005);
                if (tenant.tier().equals("premium") && i % 2 == 0) {
                    timing.put("weddingId", TODAYS_WEDDING);
                }
                if (tenant.id().equals(OTLP_TENANT)) {
                    otlp().serve(timing);
                    requests.incrementAndGet();
                    continue;
                }
                batch.add(timing);
                if (batch.size() == MAX_BATCH || i == count - 1) {
                    api.post(env.get("INGEST_URL") + "/v1/server-timings", tenant.serverKey(), batch);
                    requests.addAndGet(batch.size());
                    batch = new ArrayList<>();
                }
            }
        }
    }

    private boolean inEpisode() {
        long intoCycle = Duration.between(firstEpisode, Instant.now()).toMillis();
        return intoCycle >= 0 && intoCycle % EPISODE_EVERY.toMillis() < EPISODE_LENGTH.toMillis();
    }

    /** Two builds at the gate: one within budget, one with a main bundle 200 KiB over it. */
    private void gate() {
        try {
            String gateUrl = env.get("GATE_URL");
            String project = "wedsync-web";
            String ci;
            try {
                ci = api.post(gateUrl + "/v1/projects", env.get("PERF_OPS_TOKEN"), Map.of("id", project, "name", "WedSync web"))
                        .path("tokens").path("CI").asText();
            } catch (IllegalStateException exists) {
                ci = api.post(gateUrl + "/v1/projects/" + project + "/tokens/ci", env.get("PERF_OPS_TOKEN"), null).path("token").asText();
            }
            String run = Long.toString(Instant.now().getEpochSecond(), 36);
            JsonNode lhr;
            try (InputStream in = DemoRun.class.getResourceAsStream("/demo/lhr.json")) {
                lhr = Api.JSON.readTree(in);
            }
            for (String[] build : new String[][]{{"demo-main-" + run, "aaaaaaa1", "main", "180"}, {"demo-feature-" + run,
                    "bbbbbbb1", "feature/gallery", "400"}}) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("project", project);
                body.put("buildId", build[0]);
                body.put("environment", "staging");
                body.put("gitSha", build[1]);
                body.put("branch", build[2]);
                body.put("baseBranch", "main");
                body.put("lighthouse", List.of(lhr, lhr, lhr));
                body.put("bundles", List.of(Map.of("name", "dist/main.js", "size", Integer.parseInt(build[3]) * 1024)));
                JsonNode decided = api.post(gateUrl + "/v1/gates/validate", ci, body);
                say.accept("demo: gate " + build[0] + " (" + build[2] + "): " + decided.path("status").asText()
                        + (decided.path("blockingReasons").isEmpty() ? "" : " — " + decided.path("blockingReasons").get(0).asText()));
            }
        } catch (IOException | RuntimeException e) {
            say.accept("demo: gate validations failed: " + e.getMessage());
        }
    }

    private void progress() {
        try {
            long seconds = Duration.between(started, Instant.now()).toSeconds();
            DemoTenantSpec studio = tenants.get(0);
            String ops = env.get("PERF_OPS_TOKEN");
            Instant now = Instant.now();
            JsonNode trend = api.get(env.get("AGGREGATION_URL") + "/v1/trends?tenant=" + studio.id() + "&metric=LCP&resolution=1m&from="
                    + now.minus(Duration.ofHours(1)) + "&to=" + now, studio.readToken());
            JsonNode alerts = api.get(env.get("ALERTING_URL") + "/v1/alerts?state=firing", ops);
            JsonNode findings = api.get(env.get("AGGREGATION_URL") + "/v1/interference?from=" + now.minus(Duration.ofHours(1)), ops);
            String forecast = forecast(studio);
            String experiment = experiment(studio);
            say.accept(String.format(Locale.ROOT, "demo: %3d s  sent %,d page views (%.0f/s), %,d server timings%s%s; "
                            + "LCP minutes closed: %d; firing alerts: %d; delivered: %d; interference findings: %d; %s; %s",
                    seconds, pageViews.get(), pageViews.get() / Math.max(1.0, seconds), requests.get(),
                    inEpisode() ? " (noisy-neighbour episode: venue-giant ×8)" : "",
                    failures.get() == 0 ? "" : ", " + failures.get() + " failed (" + lastFailure + ")",
                    trend.path("points").size(), count(alerts), sink.received(), count(findings), forecast, experiment));
        } catch (RuntimeException e) {
            say.accept("demo: progress unavailable: " + e.getMessage());
        }
    }

    /** The demo experiment's verdict from GET /v1/compare: arm B against arm A on LCP over the last hour. */
    private String experiment(DemoTenantSpec studio) {
        try {
            JsonNode compare = api.get(env.get("AGGREGATION_URL") + "/v1/compare?tenant=" + URLEncoder.encode(studio.id(),
                    StandardCharsets.UTF_8) + "&metric=LCP&a=" + Traffic.ARM_A + "&b=" + Traffic.ARM_B + "&window=1h",
                    studio.readToken());
            long worse = 0;
            for (JsonNode cell : compare.path("cells")) {
                worse += "worse".equals(cell.path("verdict").asText()) ? 1 : 0;
            }
            return "experiment " + Traffic.EXPERIMENT + " (B vs A, LCP): " + compare.path("verdict").asText("?")
                    + (worse > 0 ? " on " + worse + " of " + compare.path("cells").size() + " pages" : "");
        } catch (RuntimeException notYet) {
            return "experiment: not yet";
        }
    }

    private String forecast(DemoTenantSpec studio) {
        try {
            JsonNode forecast = api.get(env.get("SCALING_URL") + "/v1/forecasts?tenant=" + URLEncoder.encode(studio.id(),
                    StandardCharsets.UTF_8), studio.readToken());
            JsonNode peak = null;
            for (JsonNode hour : forecast.path("hours")) {
                if (peak == null || hour.path("weddingLoad").asDouble() > peak.path("weddingLoad").asDouble()) {
                    peak = hour;
                }
            }
            return peak == null ? "forecast: none yet" : String.format(Locale.ROOT, "forecast: wedding bump %.0f units at %s",
                    peak.path("weddingLoad").asDouble(), peak.path("hour").asText());
        } catch (RuntimeException notYet) {
            return "forecast: not yet";
        }
    }

    private static int count(JsonNode list) {
        return list.isArray() ? list.size() : list.path("alerts").size();
    }

    private static String summary(String body) {
        try {
            JsonNode message = Api.JSON.readTree(body);
            String text = message.path("text").asText(message.path("summary").asText(body));
            return text.length() > 160 ? text.substring(0, 159) + "…" : text;
        } catch (IOException e) {
            return body.length() > 160 ? body.substring(0, 159) + "…" : body;
        }
    }

    private synchronized OtlpBackend otlp() {
        if (otlp == null) {
            DemoTenantSpec tenant = tenants.stream().filter(t -> t.id().equals(OTLP_TENANT)).findFirst().orElseThrow();
            otlp = new OtlpBackend(env.get("INGEST_URL"), tenant.serverKey());
        }
        return otlp;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        synchronized (this) {
            if (otlp != null) {
                otlp.close();
            }
        }
        if (sink != null) {
            sink.close();
        }
    }
}

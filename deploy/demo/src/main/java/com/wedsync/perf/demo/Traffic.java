package com.wedsync.perf.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What WedSync's browsers and back ends would send: page views with log-normal LCP / FCP / TTFB / INP per route and
 * device and a zero-heavy CLS, split 50/50 between the two arms of an experiment (arm B's LCP 15 % slower), and server timings of the wedding operations, log-normal with a few errors.
 */
final class Traffic {

    private static final String APP = "http://localhost:5173";
    private static final String CDN = "https://cdn.wedsync.example";
    /** The demo experiment: half the page views see the new photo grid, whose LCP median is 15 % higher. */
    static final String EXPERIMENT = "photo-grid-v2";
    static final String ARM_A = EXPERIMENT + ":A";
    static final String ARM_B = EXPERIMENT + ":B";
    static final double ARM_B_LCP_FACTOR = 1.15;
    static final String RELEASE = "2026.12.1";

    private final Random random = new Random();
    private long ids;

    /** One page view of the tenant, as a web-vitals page-view beacon. */
    Map<String, Object> pageView(DemoTenantSpec tenant) {
        String route = DemoTenantSpec.ROUTES.get(random.nextInt(DemoTenantSpec.ROUTES.size()));
        double d = random.nextDouble();
        String device = d < 0.6 ? "mobile" : d < 0.95 ? "desktop" : "tablet";
        boolean slow = route.equals(tenant.slowRoute()) && device.equals("mobile");
        double deviceFactor = device.equals("mobile") ? 1.35 : 1.0;
        boolean armB = random.nextBoolean();
        double lcp = logNormal((slow ? 4200 : 800 + 80 * DemoTenantSpec.ROUTES.indexOf(route)) * deviceFactor
                * (armB ? ARM_B_LCP_FACTOR : 1.0), 0.3);
        double ttfb = logNormal(320 * deviceFactor, 0.4);
        double inp = logNormal(slow ? 320 : 90, 0.4);
        List<Map<String, Object>> metrics = new ArrayList<>();
        metrics.add(attributed(metric("LCP", lcp), lcpAttribution(lcp, Math.min(lcp, ttfb), slow)));
        metrics.add(metric("FCP", Math.min(lcp, logNormal(1100 * deviceFactor, 0.35))));
        metrics.add(metric("TTFB", Math.min(lcp, ttfb)));
        metrics.add(attributed(metric("INP", inp), inpAttribution(inp, slow)));
        metrics.add(metric("CLS", random.nextDouble() < 0.6 ? 0.0 : Math.round(logNormal(0.05, 0.8) * 10_000) / 10_000.0));
        Map<String, Object> beacon = new LinkedHashMap<>();
        beacon.put("page", "http://localhost:5173" + route + "?session=" + random.nextInt(100_000));
        beacon.put("device", device);
        beacon.put("connection", random.nextDouble() < 0.7 ? "4g" : "wifi");
        beacon.put("release", RELEASE);
        beacon.put("variant", armB ? ARM_B : ARM_A);
        beacon.put("metrics", metrics);
        beacon.put("resources", resources(route, slow));
        return beacon;
    }

    /**
     * web-vitals v5 attribution: on the slow page 70 % of interactions are the RSVP button, whose handler is long
     * (processing), the rest the search box, slowed by what runs before it (input delay).
     */
    private Map<String, Object> inpAttribution(double inp, boolean slow) {
        boolean button = !slow || random.nextDouble() < 0.7;
        double inputDelay = button ? inp * 0.08 : inp * 0.7;
        double presentation = inp * 0.12;
        return Map.of("interactionTarget", button ? "#save-rsvp" : "div.filters>input.search",
                "interactionType", "pointer", "inputDelay", Math.round(inputDelay),
                "processingDuration", Math.round(inp - inputDelay - presentation), "presentationDelay", Math.round(presentation),
                "longestScript", Map.of("entry", Map.of("sourceURL", APP + "/static/js/guests.3f9a1c2b.js",
                        "invokerType", "event-listener")));
    }

    /** The slow page's LCP is a large PNG discovered late (resource load delay); elsewhere a heading. */
    private static Map<String, Object> lcpAttribution(double lcp, double ttfb, boolean slow) {
        double rest = Math.max(0, lcp - ttfb);
        return slow
                ? Map.of("target", "main>img.hero", "url", CDN + "/img/hero.png?w=1200", "timeToFirstByte", Math.round(ttfb),
                        "resourceLoadDelay", Math.round(rest * 0.55), "resourceLoadDuration", Math.round(rest * 0.3),
                        "elementRenderDelay", Math.round(rest * 0.15))
                : Map.of("target", "h1.page-title", "timeToFirstByte", Math.round(ttfb),
                        "elementRenderDelay", Math.round(rest));
    }

    /** The page's scripts (the guest list's bundle is heavy) and, on the slow page, the hero image. */
    private List<Map<String, Object>> resources(String route, boolean slow) {
        List<Map<String, Object>> resources = new ArrayList<>();
        resources.add(resource(APP + "/static/js/app.81c0d2e4.js", "script", 420 * 1024, logNormal(300, 0.3)));
        if (route.contains("guests")) {
            resources.add(resource(APP + "/static/js/guests.3f9a1c2b.js", "script", 610 * 1024, logNormal(400, 0.3)));
        }
        if (slow) {
            resources.add(resource(CDN + "/img/hero.png?w=1200", "img", 350 * 1024, logNormal(900, 0.3)));
        }
        return resources;
    }

    private static Map<String, Object> resource(String url, String initiatorType, long bytes, double durationMs) {
        return Map.of("name", url, "initiatorType", initiatorType, "transferSize", bytes, "duration", Math.round(durationMs),
                "nextHopProtocol", "h2");
    }

    private static Map<String, Object> attributed(Map<String, Object> metric, Map<String, Object> attribution) {
        Map<String, Object> withAttribution = new LinkedHashMap<>(metric);
        withAttribution.put("attribution", attribution);
        return withAttribution;
    }

    /**
     * One back-end request; {@code slowdown} multiplies its duration (a noisy neighbour's effect), {@code errorRate} is
     * the share that fails.
     */
    Map<String, Object> serverTiming(String operation, double slowdown, double errorRate) {
        double median = switch (operation) {
            case "photo_upload" -> 800;
            case "guest_list_access" -> 150;
            case "timeline_sync" -> 45;
            default -> 110;
        };
        boolean error = random.nextDouble() < errorRate;
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("operation", operation);
        timing.put("durationMs", Math.round(logNormal(median, 0.3) * slowdown));
        timing.put("status", error ? 503 : 200);
        return timing;
    }

    String operation() {
        double d = random.nextDouble();
        return d < 0.58 ? "api_request" : d < 0.78 ? "guest_list_access" : d < 0.88 ? "timeline_sync"
                : d < 0.995 ? "vendor_notification" : "photo_upload";
    }

    private Map<String, Object> metric(String name, double value) {
        return Map.of("name", name, "value", name.equals("CLS") ? value : Math.round(value), "id", "v5-demo-" + (++ids));
    }

    private double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }
}

package com.wedsync.perf.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What WedSync's browsers and back ends would send: page views with log-normal LCP / FCP / TTFB / INP per route and
 * device and a zero-heavy CLS, and server timings of the wedding operations, log-normal with a few errors.
 */
final class Traffic {

    private final Random random = new Random();
    private long ids;

    /** One page view of the tenant, as a web-vitals page-view beacon. */
    Map<String, Object> pageView(DemoTenantSpec tenant) {
        String route = DemoTenantSpec.ROUTES.get(random.nextInt(DemoTenantSpec.ROUTES.size()));
        double d = random.nextDouble();
        String device = d < 0.6 ? "mobile" : d < 0.95 ? "desktop" : "tablet";
        boolean slow = route.equals(tenant.slowRoute()) && device.equals("mobile");
        double deviceFactor = device.equals("mobile") ? 1.35 : 1.0;
        double lcp = logNormal((slow ? 4200 : 800 + 80 * DemoTenantSpec.ROUTES.indexOf(route)) * deviceFactor, 0.3);
        double ttfb = logNormal(320 * deviceFactor, 0.4);
        List<Map<String, Object>> metrics = new ArrayList<>();
        metrics.add(metric("LCP", lcp));
        metrics.add(metric("FCP", Math.min(lcp, logNormal(1100 * deviceFactor, 0.35))));
        metrics.add(metric("TTFB", Math.min(lcp, ttfb)));
        metrics.add(metric("INP", logNormal(slow ? 320 : 90, 0.4)));
        metrics.add(metric("CLS", random.nextDouble() < 0.6 ? 0.0 : Math.round(logNormal(0.05, 0.8) * 10_000) / 10_000.0));
        Map<String, Object> beacon = new LinkedHashMap<>();
        beacon.put("page", "http://localhost:5173" + route + "?session=" + random.nextInt(100_000));
        beacon.put("device", device);
        beacon.put("connection", random.nextDouble() < 0.7 ? "4g" : "wifi");
        beacon.put("metrics", metrics);
        return beacon;
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

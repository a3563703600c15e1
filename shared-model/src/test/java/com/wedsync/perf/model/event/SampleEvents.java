package com.wedsync.perf.model.event;

import com.wedsync.perf.model.vitals.Metric;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One valid event of every kind, for tests that need realistic records. */
public final class SampleEvents {

    public static final Instant AT = Instant.parse("2026-06-13T14:00:00Z");

    private SampleEvents() {
    }

    public static RumMetric rumMetric() {
        return RumMetric.of("studio-aurora", "/clients/:id/forms", Metric.LCP, 2730.5, DeviceClass.MOBILE, "4g",
                "navigate", "v5-1718287200000-8231", "2026.06.1", AT);
    }

    public static ServerTiming serverTiming() {
        return new ServerTiming("studio-aurora", ServerOperations.PHOTO_UPLOAD, "/weddings/:id/photos", 3120, 201,
                false, "w-2041", AT);
    }

    /** A cumulative exponential histogram point of photo uploads (seconds): 12 values, scale 3. */
    public static ServerHistogram serverHistogram() {
        long now = AT.toEpochMilli() * 1_000_000;
        return new ServerHistogram("studio-aurora", ServerOperations.PHOTO_UPLOAD, "0f3c9a27d1b84e6a9c2d5b7e8f1a2c3d", true,
                now - 60_000_000_000L, now, false, "2026.12.2", AT, 1000, 12, 0.8, 4.1,
                new ServerHistogram.Exponential(3, 0, 0, -2, java.util.List.of(1L, 0L, 3L, 5L, 2L, 1L)), null);
    }

    public static WeddingSchedule wedding() {
        return new WeddingSchedule("w-2041", "studio-aurora", AT, "Europe/London", 140, 9, WeddingStatus.SCHEDULED, AT);
    }

    public static TenantConfig tenant() {
        return new TenantConfig("studio-aurora", "Studio Aurora", Tier.PREMIUM, List.of("pk_live_aurora"),
                List.of("https://aurora.example.com"), "sha256:0f1e", List.of("sha256:a1b2"),
                new RateLimits(100, 30_000, 20_000), AT);
    }

    public static TrendPoint trendPoint() {
        return new TrendPoint("studio-aurora", Source.RUM, "/clients/:id/forms", "LCP", "MOBILE", Resolution.MINUTE,
                AT, AT.plusSeconds(60), 120, 1800, 2400, 3900, 5200, 310, 8020, 90, 20, 10, 0, "AgAB", 0.01);
    }

    /** One release's minute on perf.arm-trends.v1. */
    public static TrendPoint armTrendPoint() {
        return new TrendPoint("studio-aurora", Source.RUM, "/clients/:id/forms", "LCP", "MOBILE", Resolution.MINUTE,
                AT, AT.plusSeconds(60), 120, 1800, 2400, 3900, 5200, 310, 8020, 90, 20, 10, 0, "AgAB", 0.01, null,
                "2026.12.1");
    }

    public static InterferenceFinding interference() {
        List<VictimEvidence> victims = List.of(new VictimEvidence("studio-aurora", 1850, 420, 0.91),
                new VictimEvidence("planner-bloom", 1400, 380, 0.84));
        return new InterferenceFinding("if-1", "studio-aurora", "venue-giant", AT, AT.plusSeconds(60), 52_000, 4_100,
                victims, 30, AT.plusSeconds(65));
    }

    public static AlertEvent alert() {
        return new AlertEvent("a-1", "threshold_breach|studio-aurora|/clients/:id/forms|LCP", AlertType.THRESHOLD_BREACH,
                Severity.HIGH, AlertState.FIRING, "studio-aurora", "/clients/:id/forms", "LCP", 3000.0, 3420.0, 640,
                AT, AT.plusSeconds(300), "w-2041", "LCP p75 3420 ms over 3000 ms on /clients/:id/forms", null, null, AT);
    }

    public static ScalingRecommendation scaling() {
        return new ScalingRecommendation("studio-aurora", AT, AT.plusSeconds(3600), AT.plusSeconds(7200), 6, 60, 768,
                2.7, 60, false, "Saturday 14:00, 3 weddings, 640 guests: forecast 2.7x baseline");
    }

    public static GateDecision gateDecision() {
        return new GateDecision("v-1", "wedsync-web", "build-981", "production", "4f2a9c1", "feature/guest-import",
                GateStatus.FAILED, List.of("bundle main 231 KB > 200 KB"), "build-975", AT);
    }

    public static DeploymentMarker deployment() {
        return new DeploymentMarker("d-1", "wedsync-web", "production", "4f2a9c1", "build-981", "v-1",
                DeploymentStatus.DEPLOYED, null, AT);
    }

    public static LabFindings labFindings() {
        return new LabFindings("studio-aurora", "/weddings/:id/rsvp", "wedsync-web", "build-981", "4f2a9c1", "12.8.2", AT,
                List.of(new LabFinding("modern-image-formats", "Serve images in next-gen formats", "opportunity",
                        Map.of("LCP", 900.0), 164062, "https://cdn.wedsync.example/img/hero.png")));
    }

    public static AuditEvent audit() {
        return new AuditEvent("e-1", "ingest-service", AT, "studio-aurora/admin", "studio-aurora", "issue_token", "ci-bot",
                "[]", "[{\"name\":\"ci-bot\",\"scope\":\"write\"}]");
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.of("aggregation-streams", "perf.rum.v1", 2, 41L, null, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "tenant is required", AT);
    }
}

package com.wedsync.perf.model.topic;

import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AuditEvent;
import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.event.DeploymentMarker;
import com.wedsync.perf.model.event.GateDecision;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.event.OperationKey;
import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.model.event.ServerHistogram;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.serde.JsonSerde;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;

/** The registry of every topic the platform uses; the one place a topic's name and serdes are written down. */
public final class Topics {

    /** Raw measurements are kept 90 days (REQUIREMENTS: retention of raw-level data). */
    public static final Duration RAW_RETENTION = Duration.ofDays(90);
    /** Derived events are small and replayable from raw data; a year covers season-over-season comparisons. */
    public static final Duration DERIVED_RETENTION = Duration.ofDays(365);

    public static final Topic<String, TenantConfig> TENANTS = Topic.compacted(
            "perf.tenants.v1", 3, Serdes.String(), JsonSerde.of(TenantConfig.class));
    public static final Topic<String, WeddingSchedule> WEDDINGS = Topic.compacted(
            "perf.weddings.v1", 3, Serdes.String(), JsonSerde.of(WeddingSchedule.class));
    public static final Topic<RouteKey, RumMetric> RUM = Topic.retained(
            "perf.rum.v1", 6, RAW_RETENTION, JsonSerde.of(RouteKey.class), JsonSerde.of(RumMetric.class));
    public static final Topic<OperationKey, ServerTiming> SERVER_TIMINGS = Topic.retained(
            "perf.server.v1", 6, RAW_RETENTION, JsonSerde.of(OperationKey.class), JsonSerde.of(ServerTiming.class));
    /**
     * Back ends' request-duration histograms (OTLP metrics), keyed by {@link ServerHistogram#stream}: the points of one
     * stream stay in order on one partition, where the aggregation turns cumulative counts into deltas.
     */
    public static final Topic<String, ServerHistogram> SERVER_HISTOGRAMS = Topic.retained(
            "perf.server-histograms.v1", 6, RAW_RETENTION, Serdes.String(), JsonSerde.of(ServerHistogram.class));
    public static final Topic<TrendKey, TrendPoint> TRENDS = Topic.retained(
            "perf.trends.v1", 6, DERIVED_RETENTION, JsonSerde.of(TrendKey.class), JsonSerde.of(TrendPoint.class));
    /**
     * The closed minutes of one release or experiment variant ({@link TrendPoint#arm}) per route, device or operation:
     * what canary verdicts compare. Kept apart from {@link #TRENDS} so alerts and scaling never count an arm's traffic
     * twice.
     */
    public static final Topic<TrendKey, TrendPoint> ARM_TRENDS = Topic.retained(
            "perf.arm-trends.v1", 6, RAW_RETENTION, JsonSerde.of(TrendKey.class), JsonSerde.of(TrendPoint.class));
    /** Keyed by victim tenant. */
    public static final Topic<String, InterferenceFinding> INTERFERENCE = Topic.retained(
            "perf.interference.v1", 3, DERIVED_RETENTION, Serdes.String(), JsonSerde.of(InterferenceFinding.class));
    /** Keyed by alert fingerprint. */
    public static final Topic<String, AlertEvent> ALERTS = Topic.retained(
            "perf.alerts.v1", 3, DERIVED_RETENTION, Serdes.String(), JsonSerde.of(AlertEvent.class));
    /** Keyed by tenant, or {@link ScalingRecommendation#PLATFORM}. */
    public static final Topic<String, ScalingRecommendation> SCALING = Topic.retained(
            "perf.scaling.v1", 3, DERIVED_RETENTION, Serdes.String(), JsonSerde.of(ScalingRecommendation.class));
    /** Keyed by project. */
    public static final Topic<String, GateDecision> GATE = Topic.retained(
            "perf.gate.v1", 3, DERIVED_RETENTION, Serdes.String(), JsonSerde.of(GateDecision.class));
    /** Keyed by project. */
    public static final Topic<String, DeploymentMarker> DEPLOYS = Topic.retained(
            "perf.deploys.v1", 3, DERIVED_RETENTION, Serdes.String(), JsonSerde.of(DeploymentMarker.class));

    /** Keyed by {@link LabFindings#key}: the newest base-branch Lighthouse findings of each route, for page advice. */
    public static final Topic<String, LabFindings> LIGHTHOUSE = Topic.compacted(
            "perf.lighthouse.v1", 3, Serdes.String(), JsonSerde.of(LabFindings.class));

    /** Audit entries are kept 400 days, whatever the retention of the rest (a year of changes and the month before). */
    public static final Duration AUDIT_RETENTION = Duration.ofDays(400);

    /** Changes made in services without a database (ingest's tenants and tokens), keyed by tenant; alerting stores them. */
    public static final Topic<String, AuditEvent> AUDIT = Topic.retained(
            "perf.audit.v1", 3, AUDIT_RETENTION, Serdes.String(), JsonSerde.of(AuditEvent.class));

    /**
     * What no consumer could use, keyed by the source topic. Kept as long as the raw data it came from, so a fixed
     * consumer can still replay it.
     */
    public static final Topic<String, DeadLetter> DEAD_LETTERS = Topic.retained(
            "perf.deadletter.v1", 3, RAW_RETENTION, Serdes.String(), JsonSerde.of(DeadLetter.class));

    private static final List<Topic<?, ?>> ALL = List.of(
            TENANTS, WEDDINGS, RUM, SERVER_TIMINGS, SERVER_HISTOGRAMS, TRENDS, ARM_TRENDS, INTERFERENCE, ALERTS, SCALING, GATE, DEPLOYS, LIGHTHOUSE, AUDIT,
            DEAD_LETTERS);

    private Topics() {
    }

    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}

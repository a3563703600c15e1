package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.model.event.Resolution;

/** Names of the topology's state stores and internal topics, for the topology, the trend API and tests. */
public final class TrendStores {

    /**
     * web-vitals ids seen lately (under their 64-bit hash), with the value and window they count in, journalled in
     * chunks ({@link SeenIdStore}). A store's name carries its format version: a changed key or value format gets a
     * new name, so its changelog starts afresh instead of failing on records an earlier version wrote (text keys in
     * "seen-ids", one record per id in "seen-ids-v2").
     */
    public static final String SEEN_IDS = "seen-ids-v3";
    /** Per input partition: the open minutes of every series. */
    public static final String OPEN_PARTIALS = "open-partials";
    /** Per series owner: open minute, hour and day windows. */
    public static final String OPEN_WINDOWS = "open-windows";
    /** Per series owner: the latest watermark each input partition reported. */
    public static final String UPSTREAM_WATERMARKS = "upstream-watermarks";
    public static final String MINUTE_HISTORY = "trends-1m";
    public static final String HOUR_HISTORY = "trends-1h";
    public static final String DAY_HISTORY = "trends-1d";
    /** Per tenant: requests and p95 of its recent minutes, for interference detection. */
    public static final String TENANT_MINUTES = "tenant-minutes";
    public static final String INTERFERENCE_STATE = "interference-state";
    public static final String FINDINGS = "interference-findings";
    /**
     * Every instance's copy of {@code perf.lighthouse.v1} (a global table): per tenant and route, the newest base-branch
     * Lighthouse findings, kept as the topic's bytes and read when advice asks.
     */
    public static final String LAB_FINDINGS = "lighthouse-findings";
    /** Every instance's copy of {@code perf.weddings.v1} (a global table), as the topic's bytes: which wedding is when. */
    public static final String WEDDING_SCHEDULES = "wedding-schedules";
    /** Per wedding (tenant/weddingId): its minutes' counts per operation against the wedding-day objectives. */
    public static final String WEDDING_MINUTES = "wedding-minutes";
    /** How long a wedding's minutes are kept: its whole window (18 h) and a day to look back on it. */
    public static final java.time.Duration WEDDING_MINUTES_RETENTION = java.time.Duration.ofDays(2);
    /** The one key every interference input and finding is stored under: detection needs all tenants at once. */
    /** Per histogram stream (OTLP metrics), its last cumulative point: what the next one is a difference from. */
    public static final String HISTOGRAM_STREAMS = "histogram-streams";

    public static final String PLATFORM_KEY = "platform";

    /** Internal topics (prefixed by the application id). */
    public static final String PARTIALS_TOPIC = "partials";
    public static final String TENANT_MINUTES_TOPIC = "tenant-minutes";
    public static final String WEDDING_TIMINGS_TOPIC = "wedding-timings";

    private TrendStores() {
    }

    public static String history(Resolution resolution) {
        return switch (resolution) {
            case MINUTE -> MINUTE_HISTORY;
            case HOUR -> HOUR_HISTORY;
            case DAY -> DAY_HISTORY;
        };
    }
}

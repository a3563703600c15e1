package com.wedsync.perf.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Key of {@code perf.trends.v1}: one closed window of one series.
 * {@value #ALL} in {@code route} or {@code device} marks a roll-up over every route or device; {@code arm}, when
 * present, narrows the series to one release or experiment variant ({@link Arms}).
 */
public record TrendKey(String tenant, Source source, String route, String metric, String device,
                       Resolution resolution, Instant windowStart,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String arm) {

    public static final String ALL = "*";

    @JsonCreator
    public TrendKey {
        Require.text(tenant, "tenant");
        Require.present(source, "source");
        Require.text(route, "route");
        Require.text(metric, "metric");
        Require.text(device, "device");
        Require.present(resolution, "resolution");
        Require.present(windowStart, "windowStart");
        Arms.checked(arm, "arm");
    }

    /** A series of all traffic (no release or variant singled out). */
    public TrendKey(String tenant, Source source, String route, String metric, String device, Resolution resolution,
                    Instant windowStart) {
        this(tenant, source, route, metric, device, resolution, windowStart, null);
    }
}

package com.wedsync.perf.model.event;

import java.time.Instant;

/**
 * Key of {@code perf.trends.v1}: one closed window of one series.
 * {@value #ALL} in {@code route} or {@code device} marks a roll-up over every route or device.
 */
public record TrendKey(String tenant, Source source, String route, String metric, String device,
                       Resolution resolution, Instant windowStart) {

    public static final String ALL = "*";

    public TrendKey {
        Require.text(tenant, "tenant");
        Require.present(source, "source");
        Require.text(route, "route");
        Require.text(metric, "metric");
        Require.text(device, "device");
        Require.present(resolution, "resolution");
        Require.present(windowStart, "windowStart");
    }
}

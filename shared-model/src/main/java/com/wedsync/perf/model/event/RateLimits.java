package com.wedsync.perf.model.event;

/**
 * How much a tenant may send. Fields a stored tenant does not have yet (written before they existed) take their
 * defaults.
 *
 * @param rumPerMinutePerIp RUM beacons one client address may send per minute (the analytics API's 100 / minute)
 * @param rumPerMinute RUM beacons for the whole tenant per minute
 * @param serverPerMinute server-timing requests for the whole tenant per minute
 * @param rumMetricsPerMinutePerIp RUM metrics (items of beacons) one client address may send per minute, so that
 *        100-item batches cannot multiply the beacon limit
 * @param rumMetricsPerMinute RUM metrics for the whole tenant per minute
 * @param serverTimingsPerMinute server timings (items) for the whole tenant per minute
 * @param routesPerDay distinct routes a day; the metrics of further routes count under {@code /:other}
 * @param operationsPerDay distinct server operations a day; further ones count under {@code other}
 */
public record RateLimits(int rumPerMinutePerIp, int rumPerMinute, int serverPerMinute, int rumMetricsPerMinutePerIp,
                         int rumMetricsPerMinute, int serverTimingsPerMinute, int routesPerDay, int operationsPerDay) {

    public static final RateLimits DEFAULT = new RateLimits(100, 60_000, 60_000);

    public RateLimits {
        rumPerMinutePerIp = orDefault(rumPerMinutePerIp, 100);
        rumPerMinute = orDefault(rumPerMinute, 60_000);
        serverPerMinute = orDefault(serverPerMinute, 60_000);
        rumMetricsPerMinutePerIp = orDefault(rumMetricsPerMinutePerIp, 1_000);
        rumMetricsPerMinute = orDefault(rumMetricsPerMinute, 600_000);
        serverTimingsPerMinute = orDefault(serverTimingsPerMinute, 600_000);
        routesPerDay = orDefault(routesPerDay, 1_000);
        operationsPerDay = orDefault(operationsPerDay, 200);
        Require.within(rumPerMinutePerIp, 1, 1_000_000, "rumPerMinutePerIp");
        Require.within(rumPerMinute, 1, 100_000_000, "rumPerMinute");
        Require.within(serverPerMinute, 1, 100_000_000, "serverPerMinute");
        Require.within(rumMetricsPerMinutePerIp, 1, 100_000_000, "rumMetricsPerMinutePerIp");
        Require.within(rumMetricsPerMinute, 1, 1_000_000_000, "rumMetricsPerMinute");
        Require.within(serverTimingsPerMinute, 1, 1_000_000_000, "serverTimingsPerMinute");
        Require.within(routesPerDay, 1, 100_000, "routesPerDay");
        Require.within(operationsPerDay, 1, 10_000, "operationsPerDay");
    }

    /** The request limits, every other limit at its default. */
    public RateLimits(int rumPerMinutePerIp, int rumPerMinute, int serverPerMinute) {
        this(rumPerMinutePerIp, rumPerMinute, serverPerMinute, 0, 0, 0, 0, 0);
    }

    /** 0 — a field left out of the JSON, or a tenant stored before the field existed — means the default. */
    private static int orDefault(int value, int fallback) {
        return value == 0 ? fallback : value;
    }
}

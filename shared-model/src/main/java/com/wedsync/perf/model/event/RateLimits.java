package com.wedsync.perf.model.event;

/**
 * How much a tenant may send, per minute.
 *
 * @param rumPerMinutePerIp RUM beacons one client address may send (the analytics API's 100 / minute)
 * @param rumPerMinute RUM beacons for the whole tenant
 * @param serverPerMinute server-timing requests for the whole tenant
 */
public record RateLimits(int rumPerMinutePerIp, int rumPerMinute, int serverPerMinute) {

    public static final RateLimits DEFAULT = new RateLimits(100, 60_000, 60_000);

    public RateLimits {
        Require.within(rumPerMinutePerIp, 1, 1_000_000, "rumPerMinutePerIp");
        Require.within(rumPerMinute, 1, 100_000_000, "rumPerMinute");
        Require.within(serverPerMinute, 1, 100_000_000, "serverPerMinute");
    }
}

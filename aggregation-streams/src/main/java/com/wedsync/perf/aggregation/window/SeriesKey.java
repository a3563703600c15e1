package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import java.time.Instant;

/**
 * One series the topology aggregates: a tenant's metric on a route and device class, or a roll-up where
 * route, device or (for server timings) the operation is {@value TrendKey#ALL}; an arm series counts only the samples
 * of one release or experiment variant on one route and device (or one operation). Its {@link #encoded()} form is
 * the key of the internal topics and of every trend store, so one series always lives on one partition.
 */
public record SeriesKey(String tenant, Source source, String route, String metric, String device, String arm) {

    /**
     * Unit separator: never part of a tenant id, a normalised route, a metric or an operation name. Every
     * composite key of the topology and its stores joins its parts with it.
     */
    public static final char SEPARATOR = '\u001F';

    public SeriesKey {
        new TrendKey(tenant, source, route, metric, device, Resolution.MINUTE, Instant.EPOCH, arm);
    }

    /** A series of all traffic. */
    public SeriesKey(String tenant, Source source, String route, String metric, String device) {
        this(tenant, source, route, metric, device, null);
    }

    /** Five parts joined by {@link #SEPARATOR}, and a sixth, the arm, for one release's or variant's series. */
    public String encoded() {
        String all = tenant + SEPARATOR + source.name() + SEPARATOR + route + SEPARATOR + metric + SEPARATOR + device;
        return arm == null ? all : all + SEPARATOR + arm;
    }

    public static SeriesKey parse(String encoded) {
        String[] parts = encoded.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 5 && parts.length != 6) {
            throw new IllegalArgumentException("not an encoded series key: " + encoded.replace(SEPARATOR, '|'));
        }
        return new SeriesKey(parts[0], Source.valueOf(parts[1]), parts[2], parts[3], parts[4],
                parts.length == 6 ? parts[5] : null);
    }

    /** Whether this series counts one release's or variant's samples only. */
    public boolean isArm() {
        return arm != null;
    }

    /** The prefix every encoded key of this tenant starts with. */
    public static String tenantPrefix(String tenant) {
        return tenant + SEPARATOR;
    }

    public boolean isRollUp() {
        return TrendKey.ALL.equals(route) || TrendKey.ALL.equals(device) || TrendKey.ALL.equals(metric);
    }
}

package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import java.time.Instant;

/**
 * One series the topology aggregates: a tenant's metric on a route and device class, or a roll-up where
 * route, device or (for server timings) the operation is {@value TrendKey#ALL}. Its {@link #encoded()} form is
 * the key of the internal topics and of every trend store, so one series always lives on one partition.
 */
public record SeriesKey(String tenant, Source source, String route, String metric, String device) {

    /**
     * Unit separator: never part of a tenant id, a normalised route, a metric or an operation name. Every
     * composite key of the topology and its stores joins its parts with it.
     */
    public static final char SEPARATOR = '\u001F';

    public SeriesKey {
        new TrendKey(tenant, source, route, metric, device, Resolution.MINUTE, Instant.EPOCH);
    }

    public String encoded() {
        return tenant + SEPARATOR + source.name() + SEPARATOR + route + SEPARATOR + metric + SEPARATOR + device;
    }

    public static SeriesKey parse(String encoded) {
        String[] parts = encoded.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("not an encoded series key: " + encoded.replace(SEPARATOR, '|'));
        }
        return new SeriesKey(parts[0], Source.valueOf(parts[1]), parts[2], parts[3], parts[4]);
    }

    /** The prefix every encoded key of this tenant starts with. */
    public static String tenantPrefix(String tenant) {
        return tenant + SEPARATOR;
    }

    public boolean isRollUp() {
        return TrendKey.ALL.equals(route) || TrendKey.ALL.equals(device) || TrendKey.ALL.equals(metric);
    }
}

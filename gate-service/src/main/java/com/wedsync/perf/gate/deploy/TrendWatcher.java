package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.model.event.Arms;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.intake.RecordHandling;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.wedsync.perf.service.kafka.InputFreshnessCheck;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each tenant's tenant-wide RUM minutes (all routes, all devices) from {@code perf.trends.v1}, and each release's
 * minutes per route and device from {@code perf.arm-trends.v1}: what post-deploy checks compare. Writes are upserts, so a replay changes nothing; while the database is away the partition waits
 * (its offset is committed only once the minute is written), and a record that cannot be read is dead-lettered.
 */
@ApplicationScoped
public class TrendWatcher {

    static final Set<String> METRICS = Set.of("LCP", "INP", "CLS", "FCP", "TTFB");
    public static final String CHANNEL = "gate-trends";

    private final TrendMinutes minutes;
    private final ReleaseMinutes releases;
    private final RecordHandling handling;
    private final InputFreshnessCheck freshness;

    public TrendWatcher(TrendMinutes minutes, ReleaseMinutes releases, RecordHandling handling,
                       @Readiness InputFreshnessCheck freshness) {
        this.minutes = minutes;
        this.releases = releases;
        this.handling = handling;
        this.freshness = freshness;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void keep(ConsumerRecord<byte[], byte[]> record) {
        TrendPoint point = RecordHandling.read(record,
                bytes -> Topics.TRENDS.valueSerde().deserializer().deserialize(record.topic(), bytes));
        if (isTenantWideRumMinute(point)) {
            handling.untilDone(record, () -> minutes.record(point.tenant(), point.metric(), point.windowStart(),
                    point.count(), point.p75()));
        } else if (isReleaseRumMinute(point)) {
            handling.untilDone(record, () -> releases.record(point));
        }
        freshness.recordHandled();
    }

    /** One release's minute of a page metric on a route and device ({@code perf.arm-trends.v1}): what canaries compare. */
    static boolean isReleaseRumMinute(TrendPoint point) {
        return Arms.isRelease(point.arm()) && point.source() == Source.RUM && point.resolution() == Resolution.MINUTE
                && METRICS.contains(point.metric());
    }

    static boolean isTenantWideRumMinute(TrendPoint point) {
        return !point.isArm() && point.source() == Source.RUM && point.resolution() == Resolution.MINUTE
                && TrendKey.ALL.equals(point.route()) && TrendKey.ALL.equals(point.device()) && METRICS.contains(point.metric());
    }
}

package com.wedsync.perf.aggregation.wedding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.aggregation.window.Sample;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import com.wedsync.perf.model.serde.JsonSerde;
import com.wedsync.perf.model.topic.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.jboss.logging.Logger;

/**
 * One server timing of a wedding inside that wedding's window — from {@link #BEFORE} the ceremony to {@link #AFTER} it,
 * by the schedule the planner published — as the per-wedding objectives count it. Timings that name a wedding the
 * schedule does not know, a cancelled one, or fall outside its window are not counted per wedding (they still count
 * in the operation's trend): so a tenant cannot grow this state by inventing wedding ids. {@code count} is how many
 * requests it stands for (a sampled span's adjusted count), null for one.
 */
public record WeddingTiming(String tenant, String weddingId, long ceremonyAt, String operation, double durationMs,
                            boolean error, @JsonInclude(JsonInclude.Include.NON_NULL) Long count) {

    /** From the morning's preparations… */
    public static final Duration BEFORE = Duration.ofHours(6);
    /** …to the end of the reception. */
    public static final Duration AFTER = Duration.ofHours(12);

    public static final Serde<WeddingTiming> SERDE = JsonSerde.of(WeddingTiming.class);

    private static final Logger LOG = Logger.getLogger(WeddingTiming.class);

    /** The key of a wedding on {@code perf.weddings.v1} (as ingest writes it) and of its minutes here. */
    public static String key(String tenant, String weddingId) {
        return tenant + "/" + weddingId;
    }

    public String key() {
        return key(tenant, weddingId);
    }

    /** The requests this timing stands for. */
    public long requests() {
        return count == null || count < 1 ? 1 : count;
    }

    /**
     * The timing as its wedding counts it, or null: no schedule (null or unreadable bytes), another tenant's
     * wedding, a cancelled one, or a time outside the window.
     */
    public static WeddingTiming of(Sample timing, byte[] schedule) {
        WeddingSchedule wedding = read(schedule);
        if (wedding == null || !wedding.tenant().equals(timing.tenant()) || !wedding.weddingId().equals(timing.weddingId())
                || wedding.status() == WeddingStatus.CANCELLED) {
            return null;
        }
        long ceremony = wedding.ceremonyAt().toEpochMilli();
        if (timing.time() < ceremony - BEFORE.toMillis() || timing.time() >= ceremony + AFTER.toMillis()) {
            return null;
        }
        return new WeddingTiming(timing.tenant(), timing.weddingId(), ceremony, timing.metric(), timing.value(),
                timing.error(), timing.count() == 1 ? null : timing.count());
    }

    private static WeddingSchedule read(byte[] schedule) {
        if (schedule == null) {
            return null;
        }
        try {
            return Topics.WEDDINGS.valueSerde().deserializer().deserialize(Topics.WEDDINGS.name(), schedule);
        } catch (RuntimeException unreadable) {
            LOG.warnf("an unreadable wedding schedule on %s is ignored: %s", Topics.WEDDINGS.name(), unreadable.getMessage());
            return null;
        }
    }
}

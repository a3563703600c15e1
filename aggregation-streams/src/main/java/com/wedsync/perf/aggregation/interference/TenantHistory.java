package com.wedsync.perf.aggregation.interference;

import com.wedsync.perf.model.sketch.BinaryReader;
import com.wedsync.perf.model.sketch.BinaryWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A tenant's recent minutes, oldest first, trimmed to what the look-back needs. */
public record TenantHistory(List<TenantMinute> minutes) {

    public static final Serde<TenantHistory> SERDE = Serdes.serdeFrom(
            (topic, history) -> history == null ? null : history.toBytes(),
            (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

    public TenantHistory {
        minutes = List.copyOf(minutes);
    }

    /** This history with the minute added (or replaced) and minutes older than {@code keepFrom} dropped. */
    public TenantHistory with(TenantMinute minute, long keepFrom) {
        List<TenantMinute> next = new ArrayList<>();
        for (TenantMinute existing : minutes) {
            if (existing.minuteStart() >= keepFrom && existing.minuteStart() != minute.minuteStart()) {
                next.add(existing);
            }
        }
        next.add(minute);
        next.sort(Comparator.comparingLong(TenantMinute::minuteStart));
        return new TenantHistory(next);
    }

    public Optional<TenantMinute> at(long minuteStart) {
        return minutes.stream().filter(m -> m.minuteStart() == minuteStart).findFirst();
    }

    /** The minutes in [from, to). */
    public List<TenantMinute> between(long from, long to) {
        return minutes.stream().filter(m -> m.minuteStart() >= from && m.minuteStart() < to).toList();
    }

    private byte[] toBytes() {
        BinaryWriter out = new BinaryWriter(8 + minutes.size() * 20).varLong(minutes.size());
        minutes.forEach(m -> out.signedVarLong(m.minuteStart()).varLong(m.requests()).doubleValue(m.p95Ms()));
        return out.toBytes();
    }

    private static TenantHistory fromBytes(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes);
        int size = Math.toIntExact(in.varLong());
        List<TenantMinute> minutes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            minutes.add(new TenantMinute(in.signedVarLong(), in.varLong(), in.doubleValue()));
        }
        return new TenantHistory(minutes);
    }
}

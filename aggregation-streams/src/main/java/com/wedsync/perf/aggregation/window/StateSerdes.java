package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.sketch.BinaryReader;
import com.wedsync.perf.model.sketch.BinaryWriter;
import com.wedsync.perf.model.sketch.SketchCodec;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Binary serdes of the topology's state and internal topics. Compact varint encodings rather than JSON:
 * an open window is written to its store on every sample, so its encoding is on the hot path.
 */
public final class StateSerdes {

    public static final Serde<SeriesAggregate> AGGREGATE = serde(StateSerdes::writeAggregate, StateSerdes::readAggregate);
    public static final Serde<Partial> PARTIAL = serde(StateSerdes::writePartial, StateSerdes::readPartial);

    /** Marks an aggregate's input error after its counts, where older state has its cause table or nothing. */
    private static final long INPUT_ERROR_MARK = 0;

    private StateSerdes() {
    }

    private static void writePartial(Partial partial, BinaryWriter out) {
        out.varLong(partial.isWatermark() ? 0 : 1).signedVarLong(partial.windowStart());
        if (!partial.isWatermark()) {
            writeAggregate(partial.aggregate(), out);
        }
    }

    private static Partial readPartial(BinaryReader in) {
        boolean watermark = in.varLong() == 0;
        long time = in.signedVarLong();
        return watermark ? Partial.watermark(time) : new Partial(time, readAggregate(in));
    }

    static void writeAggregate(SeriesAggregate aggregate, BinaryWriter out) {
        SketchCodec.write(aggregate.sketch, out);
        out.varLong(aggregate.good).varLong(aggregate.needsImprovement).varLong(aggregate.poor).varLong(aggregate.errors);
        if (aggregate.inputError > 0 || aggregate.causes != null && aggregate.causes.samples() == 0) {
            out.varLong(INPUT_ERROR_MARK).doubleValue(aggregate.inputError);
        }
        if (aggregate.causes != null) {
            aggregate.causes.write(out);
        }
    }

    static SeriesAggregate readAggregate(BinaryReader in) {
        SeriesAggregate aggregate = new SeriesAggregate(SketchCodec.read(in));
        aggregate.good = in.varLong();
        aggregate.needsImprovement = in.varLong();
        aggregate.poor = in.varLong();
        aggregate.errors = in.varLong();
        // State written before input errors were kept has none; a cause table never starts with 0 (it counts samples).
        if (in.hasMore() && in.peekVarLong() == INPUT_ERROR_MARK) {
            in.varLong();
            aggregate.inputError = in.doubleValue();
        }
        // State written before causes were kept ends here, and so does an aggregate without attribution.
        aggregate.causes = in.hasMore() ? CauseTable.read(in) : null;
        return aggregate;
    }

    private static <T> Serde<T> serde(BiConsumer<T, BinaryWriter> writer, Function<BinaryReader, T> reader) {
        return Serdes.serdeFrom(
                (topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    BinaryWriter out = new BinaryWriter(64);
                    writer.accept(value, out);
                    return out.toBytes();
                },
                (topic, bytes) -> bytes == null ? null : reader.apply(new BinaryReader(bytes)));
    }
}

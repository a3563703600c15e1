package com.wedsync.perf.aggregation.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.sketch.BinaryWriter;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A window's stated accuracy survives every way its aggregate travels — its store, the partials topic, a closed
 * window rebuilt from its trend point — and state written before input errors were kept still reads.
 */
class SeriesAggregateStateTest {

    private static final SeriesKey SERIES = new SeriesKey("studio", Source.SERVER, TrendKey.ALL, "photo_upload", TrendKey.ALL);
    private static final Instant MINUTE = Instant.parse("2026-06-13T14:00:00Z");

    @Test
    void shouldKeepTheCoarsestInputErrorThroughStateMergesAndTrendPoints() {
        SeriesAggregate exact = new SeriesAggregate(0.01).add(120, null, false);
        SeriesAggregate bucketed = new SeriesAggregate(0.01).add(300, null, false, 40).bound(0.2);
        SeriesAggregate merged = exact.merge(bucketed);
        assertThat(merged.relativeAccuracy()).isCloseTo(1.01 * 1.2 - 1, within(1e-12));

        SeriesAggregate stored = StateSerdes.AGGREGATE.deserializer().deserialize("t",
                StateSerdes.AGGREGATE.serializer().serialize("t", merged));
        assertThat(stored.relativeAccuracy()).isCloseTo(merged.relativeAccuracy(), within(1e-12));
        assertThat(stored.count()).isEqualTo(41);

        TrendPoint point = stored.toTrendPoint(SERIES, Resolution.MINUTE, MINUTE);
        SeriesAggregate hour = new SeriesAggregate(0.01).merge(SeriesAggregate.of(point));
        assertThat(hour.relativeAccuracy()).as("an hour rolled up from the minute is no more exact")
                .isCloseTo(point.relativeAccuracy(), within(1e-12));
        assertThat(new SeriesAggregate(0.01).add(5, null, false).relativeAccuracy()).isEqualTo(0.01);
    }

    @Test
    void shouldReadAggregatesWrittenBeforeInputErrorsWereKept() {
        QuantileSketch sketch = new QuantileSketch(0.01);
        sketch.add(250);
        BinaryWriter old = new BinaryWriter(64);
        SketchCodec.write(sketch, old);
        old.varLong(0).varLong(0).varLong(0).varLong(1);
        SeriesAggregate read = StateSerdes.AGGREGATE.deserializer().deserialize("t", old.toBytes());
        assertThat(read.count()).isEqualTo(1);
        assertThat(read.errors()).isEqualTo(1);
        assertThat(read.relativeAccuracy()).isEqualTo(0.01);
        assertThat(read.causes()).isNull();
    }
}

package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.window.Sample;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/** What the events of one input topic count as: the samples of one event, possibly none. */
interface SampleSource<V> {

    /** Called once per task, before the first event: where a source with state finds its stores. */
    default void init(ProcessingContext context) {
    }

    /** The event's samples; an {@link IllegalArgumentException} makes the record a dead letter. */
    List<Sample> samples(V event);
}

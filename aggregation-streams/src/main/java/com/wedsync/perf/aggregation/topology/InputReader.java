package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.window.EventTimeGuard;
import com.wedsync.perf.aggregation.window.Sample;
import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.topic.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads the raw bytes of an input record into samples (one, or as many as a histogram has buckets), inside the
 * topology rather than in a source serde, so that a record that cannot be read, breaks an event's invariants or
 * carries an impossible event time becomes a dead letter written in the same transaction as everything else (exactly
 * once), and processing goes on.
 */
final class InputReader<V> implements FixedKeyProcessor<byte[], byte[], Readout> {

    static final String CONSUMER = "aggregation-streams";

    private final Topic<?, V> topic;
    private final Deserializer<V> deserializer;
    private final SampleSource<V> source;
    private FixedKeyProcessorContext<byte[], Readout> context;
    private Sensor deadLetters;

    InputReader(Topic<?, V> topic, Function<V, Sample> toSample) {
        this(topic, (SampleSource<V>) event -> List.of(toSample.apply(event)));
    }

    InputReader(Topic<?, V> topic, SampleSource<V> source) {
        this.topic = topic;
        this.deserializer = topic.valueSerde().deserializer();
        this.source = source;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Readout> context) {
        this.context = context;
        this.deadLetters = TopologySensors.counter(context, "dead-letters");
        source.init(context);
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        long now = context.currentSystemTimeMs();
        List<Sample> samples;
        try {
            samples = read(record.value(), now);
        } catch (RuntimeException unreadable) {
            deadLetters.record();
            String reason = unreadable.getMessage() == null ? unreadable.toString() : unreadable.getMessage();
            context.forward(record.withValue(dead(record, reason, now)));
            return;
        }
        for (Sample sample : samples) {
            context.forward(record.withValue(Readout.of(sample)));
        }
    }

    /** The record's samples, each at its event time clamped to now; refused as a whole when any time is impossible. */
    private List<Sample> read(byte[] bytes, long now) {
        V event = deserializer.deserialize(topic.name(), bytes);
        if (event == null) {
            throw new IllegalArgumentException("a record without a value (tombstone) on " + topic.name());
        }
        List<Sample> samples = source.samples(event);
        for (Sample sample : samples) {
            Optional<String> refused = EventTimeGuard.whyRefused(sample.time(), now);
            if (refused.isPresent()) {
                throw new IllegalArgumentException(refused.get());
            }
        }
        if (samples.size() == 1) {
            Sample sample = samples.get(0);
            long clamped = EventTimeGuard.clamp(sample.time(), now);
            return clamped == sample.time() ? samples : List.of(sample.at(clamped));
        }
        return samples.stream().map(sample -> sample.at(EventTimeGuard.clamp(sample.time(), now))).toList();
    }

    private Readout dead(FixedKeyRecord<byte[], byte[]> record, String reason, long now) {
        Optional<RecordMetadata> source = context.recordMetadata();
        return Readout.dead(DeadLetter.of(CONSUMER, source.map(RecordMetadata::topic).orElse(topic.name()),
                source.map(RecordMetadata::partition).orElse(-1), source.map(RecordMetadata::offset).orElse(-1L),
                record.key(), record.value(), reason, Instant.ofEpochMilli(now)));
    }
}

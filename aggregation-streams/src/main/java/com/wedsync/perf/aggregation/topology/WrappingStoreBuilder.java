package com.wedsync.perf.aggregation.topology;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds a store of the topology's own ({@link BufferedStore}, {@link SeenIdStore}) over a key-value store built,
 * logged and metered as usual, without Kafka Streams' byte cache: the outer store is its own cache, and exactly-once
 * needs the changelog.
 */
final class WrappingStoreBuilder<K, V, S extends StateStore> implements StoreBuilder<S> {

    private final StoreBuilder<KeyValueStore<K, V>> inner;
    private final Function<KeyValueStore<K, V>, S> wrapper;

    WrappingStoreBuilder(StoreBuilder<KeyValueStore<K, V>> inner, Function<KeyValueStore<K, V>, S> wrapper) {
        this.inner = inner.withCachingDisabled();
        this.wrapper = wrapper;
    }

    @Override
    public S build() {
        return wrapper.apply(inner.build());
    }

    @Override
    public StoreBuilder<S> withCachingEnabled() {
        throw new UnsupportedOperationException("a wrapping store is its own cache");
    }

    @Override
    public StoreBuilder<S> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<S> withLoggingDisabled() {
        throw new UnsupportedOperationException("exactly-once needs the changelog");
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}

package com.wedsync.perf.aggregation.topology;

import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds a {@link BufferedStore} over a store built, logged and metered as usual (without the byte cache). */
final class BufferedStoreBuilder<K, V> implements StoreBuilder<KeyValueStore<K, V>> {

    private final StoreBuilder<KeyValueStore<K, V>> inner;
    private final boolean keepAfterWrite;

    BufferedStoreBuilder(StoreBuilder<KeyValueStore<K, V>> inner, boolean keepAfterWrite) {
        this.inner = inner.withCachingDisabled();
        this.keepAfterWrite = keepAfterWrite;
    }

    @Override
    public KeyValueStore<K, V> build() {
        return new BufferedStore<>(inner.build(), keepAfterWrite);
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
        throw new UnsupportedOperationException("a buffered store is its own cache");
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
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

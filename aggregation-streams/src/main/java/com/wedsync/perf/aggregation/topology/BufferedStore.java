package com.wedsync.perf.aggregation.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A write-behind layer over a changelogged store that keeps values as objects: a hot window is updated in
 * place on every sample and written (serialized, to the store and its changelog) once per commit instead of once
 * per sample. Kafka Streams calls {@link #flushCache()} on every {@link CachedStateStore} before it commits a
 * transaction, so under exactly_once_v2 the store, its changelog and the input offsets still move together; an
 * aborted transaction calls {@link #clearCache()} or re-initialises the store, dropping what was not written.
 * ({@code CachedStateStore} is the interface Kafka Streams' own record cache implements.)
 */
final class BufferedStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    private final KeyValueStore<K, V> inner;
    private final Map<K, V> values = new HashMap<>();
    private final Map<K, V> dirty = new HashMap<>();

    BufferedStore(KeyValueStore<K, V> inner) {
        this.inner = inner;
    }

    @Override
    public V get(K key) {
        V value = values.get(key);
        if (value == null) {
            value = inner.get(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return value;
    }

    @Override
    public void put(K key, V value) {
        values.put(key, value);
        dirty.put(key, value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(K key) {
        V existing = get(key);
        values.remove(key);
        dirty.remove(key);
        inner.delete(key);
        return existing;
    }

    /** Iterators see the store after writing what is pending. */
    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        writeDirty();
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        writeDirty();
        return inner.all();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        writeDirty();
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries() + dirty.size();
    }

    @Override
    public void flushCache() {
        writeDirty();
        if (inner instanceof CachedStateStore<?, ?> cached) {
            cached.flushCache();
        }
    }

    @Override
    public void clearCache() {
        values.clear();
        dirty.clear();
        if (inner instanceof CachedStateStore<?, ?> cached) {
            cached.clearCache();
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        values.clear();
        dirty.clear();
        inner.init(context, root);
    }

    @Override
    public void flush() {
        writeDirty();
        inner.flush();
    }

    @Override
    public void close() {
        values.clear();
        dirty.clear();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    private void writeDirty() {
        if (dirty.isEmpty()) {
            return;
        }
        dirty.forEach(inner::put);
        dirty.clear();
    }
}

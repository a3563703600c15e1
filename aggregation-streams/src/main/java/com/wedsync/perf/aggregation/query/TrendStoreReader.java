package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.AggregationConfig;
import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Interactive queries over this instance's trend stores, and where the other keys live. A store that is not
 * queryable yet (starting, restoring, rebalancing) is a 503 with Retry-After — one attempt, never a retry loop.
 */
@ApplicationScoped
public class TrendStoreReader {

    static final int RETRY_AFTER_SECONDS = 2;

    private final KafkaStreams streams;
    private final HostInfo self;

    @Inject
    public TrendStoreReader(KafkaStreams streams, AggregationConfig config) {
        this(streams, config.advertisedEndpoint());
    }

    TrendStoreReader(KafkaStreams streams, String advertisedEndpoint) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(advertisedEndpoint);
    }

    public HostInfo self() {
        return self;
    }

    /** The instance that owns this key of this store now. */
    public HostInfo owner(String store, String key) {
        KeyQueryMetadata metadata = guarded(() -> streams.queryMetadataForKey(store, key, Serdes.String().serializer()));
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw unavailable("no instance owns the data yet (starting or rebalancing)");
        }
        return metadata.activeHost();
    }

    /** Every instance that holds part of this store. */
    public Collection<HostInfo> holders(String store) {
        Collection<StreamsMetadata> metadata = guarded(() -> streams.streamsMetadataForStore(store));
        List<HostInfo> hosts = new ArrayList<>();
        metadata.forEach(instance -> hosts.add(instance.hostInfo()));
        if (hosts.isEmpty()) {
            throw unavailable("no instance holds store " + store + " yet (starting or rebalancing)");
        }
        return hosts;
    }

    /** This instance's values of one key, windows starting within [from, to]. */
    public <V> List<V> fetch(String store, String key, Instant from, Instant to) {
        return guarded(() -> {
            List<V> values = new ArrayList<>();
            try (WindowStoreIterator<V> iterator = this.<V>store(store).fetch(key, from, to)) {
                iterator.forEachRemaining(entry -> values.add(entry.value));
            }
            return values;
        });
    }

    /** This instance's windows of one key starting within [from, to], each under its start (epoch milliseconds). */
    public <V> List<KeyValue<Long, V>> fetchWindows(String store, String key, Instant from, Instant to) {
        return guarded(() -> {
            List<KeyValue<Long, V>> windows = new ArrayList<>();
            try (WindowStoreIterator<V> iterator = this.<V>store(store).fetch(key, from, to)) {
                iterator.forEachRemaining(windows::add);
            }
            return windows;
        });
    }

    /** This instance's entries of every key, windows starting within [from, to]. */
    public <V> List<KeyValue<String, V>> fetchAll(String store, Instant from, Instant to) {
        return guarded(() -> {
            List<KeyValue<String, V>> values = new ArrayList<>();
            try (KeyValueIterator<Windowed<String>, V> iterator = this.<V>store(store).fetchAll(from, to)) {
                iterator.forEachRemaining(entry -> values.add(KeyValue.pair(entry.key.key(), entry.value)));
            }
            return values;
        });
    }

    private <V> ReadOnlyWindowStore<String, V> store(String name) {
        return Optional.ofNullable(streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, V>windowStore()))).orElseThrow(() -> unavailable("store " + name + " is not ready"));
    }

    private static <T> T guarded(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw unavailable("trend stores are not queryable yet: " + e.getMessage());
        }
    }

    private static ApiException unavailable(String detail) {
        return ApiException.unavailable(detail, RETRY_AFTER_SECONDS);
    }
}

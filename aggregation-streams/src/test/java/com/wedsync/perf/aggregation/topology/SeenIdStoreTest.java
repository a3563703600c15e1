package com.wedsync.perf.aggregation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.aggregation.window.SeenId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeenIdStoreTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 29_000_000 * MINUTE;

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private KeyValueStore<Long, byte[]> journal;
    private SeenIdStore store;

    @BeforeEach
    void open() {
        journal = journal();
        store = new SeenIdStore(journal);
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void shouldRememberAnIdsLatestReport() {
        store.put(1L, seen(T0, 0.05, "/guests"));
        store.put(1L, seen(T0, 0.30, "/guests"));

        assertThat(store.get(1L)).isEqualTo(seen(T0, 0.30, "/guests"));
        assertThat(store.get(2L)).isNull();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void shouldBeRebuiltFromItsJournalInChunks() {
        int ids = SeenIdStore.CHUNK_IDS * 2 + 100;
        for (long id = 0; id < ids; id++) {
            store.put(id, seen(T0 + (id % 3) * MINUTE, id, "/page-" + (id % 5)));
        }
        store.flushCache();

        assertThat(entries(journal)).as("two full chunks and the rest at the commit").hasSize(3);
        SeenIdStore restored = restored();
        for (long id = 0; id < ids; id++) {
            assertThat(restored.get(id)).isEqualTo(seen(T0 + (id % 3) * MINUTE, id, "/page-" + (id % 5)));
        }
        assertThat(restored.size()).isEqualTo(ids);
    }

    @Test
    void shouldRestoreALaterReportOverAnEarlierOne() {
        store.put(7L, seen(T0, 0.05, "/guests"));
        store.flushCache();
        store.put(7L, seen(T0, 0.30, "/guests"));
        store.flushCache();

        assertThat(restored().get(7L)).isEqualTo(seen(T0, 0.30, "/guests"));
    }

    @Test
    void shouldDropWhatWasNotWrittenWhenTheCacheIsCleared() {
        store.put(1L, seen(T0, 100, "/guests"));
        store.flushCache();
        store.put(2L, seen(T0, 200, "/guests"));

        store.clearCache();

        assertThat(store.get(1L)).isEqualTo(seen(T0, 100, "/guests"));
        assertThat(store.get(2L)).isNull();
    }

    @Test
    void shouldForgetIdsAndChunksOfMinutesPastTheRetention() {
        store.put(1L, seen(T0, 1, "/old"));
        store.flushCache();
        store.put(2L, seen(T0 + 10 * MINUTE, 2, "/new"));
        store.flushCache();

        assertThat(store.forgetEndedBy(T0 + MINUTE)).isEqualTo(1);

        assertThat(store.get(1L)).isNull();
        assertThat(store.get(2L)).isEqualTo(seen(T0 + 10 * MINUTE, 2, "/new"));
        assertThat(entries(journal)).as("the old chunk is deleted").hasSize(1);
        assertThat(restored().get(1L)).isNull();
    }

    @Test
    void shouldKeepAChunkWhileAnyOfItsIdsIsRemembered() {
        store.put(1L, seen(T0, 1, "/old"));
        store.put(2L, seen(T0 + 10 * MINUTE, 2, "/new"));
        store.flushCache();

        store.forgetEndedBy(T0 + MINUTE);

        assertThat(entries(journal)).hasSize(1);
        SeenIdStore restored = restored();
        assertThat(restored.get(2L)).isEqualTo(seen(T0 + 10 * MINUTE, 2, "/new"));
        assertThat(restored.forgetEndedBy(T0 + MINUTE)).as("a restored store forgets by the same rule").isEqualTo(1);
    }

    /** A new store given the journal's records after its init, as Kafka Streams restores a changelog elsewhere. */
    private SeenIdStore restored() {
        KeyValueStore<Long, byte[]> copy = journal();
        SeenIdStore restored = new SeenIdStore(copy);
        restored.init(new MockProcessorContext<>().getStateStoreContext(), restored);
        entries(journal).forEach(entry -> copy.put(entry.key, entry.value));
        return restored;
    }

    private KeyValueStore<Long, byte[]> journal() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen-ids"), Serdes.Long(), Serdes.ByteArray())
                .withLoggingDisabled().build();
    }

    private static List<KeyValue<Long, byte[]>> entries(KeyValueStore<Long, byte[]> store) {
        List<KeyValue<Long, byte[]>> entries = new ArrayList<>();
        try (KeyValueIterator<Long, byte[]> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }

    private static SeenId seen(long windowStart, double value, String route) {
        return new SeenId(windowStart, value, route, "MOBILE");
    }
}

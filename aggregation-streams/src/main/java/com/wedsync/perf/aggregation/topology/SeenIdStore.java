package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.dedupe.IdChunk;
import com.wedsync.perf.aggregation.dedupe.IdTable;
import com.wedsync.perf.aggregation.dedupe.Places;
import com.wedsync.perf.aggregation.window.SeenId;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The web-vitals ids a task remembers: looked up in memory ({@link IdTable}), kept durable as a journal of
 * {@link IdChunk}s in a changelogged key-value store (chunk number → chunk). What was learnt since the last commit is
 * written as chunks of at most {@value #CHUNK_IDS} ids when Kafka Streams flushes its caches before committing, so
 * under exactly_once_v2 the journal, its changelog and the input offsets move together. After a restart or a
 * restore the table is rebuilt from the journal, later chunks overriding earlier ones; chunks whose every id is
 * older than the retention are deleted.
 */
final class SeenIdStore implements StateStore, CachedStateStore<Long, byte[]> {

    static final int CHUNK_IDS = 8_192;
    private static final long MINUTE_MS = 60_000;

    private final KeyValueStore<Long, byte[]> journal;
    private final IdTable table = new IdTable();
    private final Places places = new Places();
    private final IdChunk pending = new IdChunk(CHUNK_IDS);
    /** Chunk number → the newest minute in it. */
    private final TreeMap<Long, Integer> chunks = new TreeMap<>();
    private long nextChunk;
    private boolean loaded;

    SeenIdStore(KeyValueStore<Long, byte[]> journal) {
        this.journal = journal;
    }

    /** What this id last reported, or null when it is new (or forgotten). */
    SeenId get(long id) {
        load();
        int slot = table.find(id);
        if (slot < 0) {
            return null;
        }
        int place = table.place(slot);
        return new SeenId(table.minute(slot) * MINUTE_MS, table.value(slot), places.route(place), places.device(place));
    }

    void put(long id, SeenId seen) {
        load();
        int minute = Math.toIntExact(Math.floorDiv(seen.windowStart(), MINUTE_MS));
        int place = places.numberOf(seen.route(), seen.device());
        table.put(id, minute, seen.value(), place);
        pending.add(id, minute, seen.value(), place);
        if (pending.size() >= CHUNK_IDS) {
            writePending();
        }
    }

    /** Forgets every id whose minute ended at or before {@code time}; returns how many. */
    int forgetEndedBy(long time) {
        load();
        int minute = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, Math.floorDiv(time, MINUTE_MS)));
        for (Iterator<Map.Entry<Long, Integer>> it = chunks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Integer> chunk = it.next();
            if (chunk.getValue() < minute) {
                journal.delete(chunk.getKey());
                it.remove();
            }
        }
        return table.forgetBefore(minute);
    }

    int size() {
        load();
        return table.size();
    }

    @Override
    public void flushCache() {
        writePending();
    }

    @Override
    public void clearCache() {
        unload();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Long, byte[]> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return journal.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        unload(); // the journal is restored after init: the table is built at the first use
        journal.init(context, root);
    }

    @Override
    public void flush() {
        writePending();
        journal.flush();
    }

    @Override
    public void close() {
        unload();
        journal.close();
    }

    @Override
    public boolean persistent() {
        return journal.persistent();
    }

    @Override
    public boolean isOpen() {
        return journal.isOpen();
    }

    private void writePending() {
        if (!loaded || pending.size() == 0) {
            return;
        }
        long number = nextChunk++;
        journal.put(number, pending.encode(places));
        chunks.put(number, pending.newestMinute());
        pending.clear();
    }

    private void load() {
        if (loaded) {
            return;
        }
        try (KeyValueIterator<Long, byte[]> all = journal.all()) {
            while (all.hasNext()) {
                KeyValue<Long, byte[]> chunk = all.next();
                chunks.put(chunk.key, IdChunk.decode(chunk.value, places, table::put));
                nextChunk = chunk.key + 1;
            }
        }
        loaded = true;
    }

    private void unload() {
        table.clear();
        places.clear();
        pending.clear();
        chunks.clear();
        nextChunk = 0;
        loaded = false;
    }
}

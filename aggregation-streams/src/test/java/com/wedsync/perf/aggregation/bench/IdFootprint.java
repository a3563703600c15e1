package com.wedsync.perf.aggregation.bench;

import com.wedsync.perf.aggregation.dedupe.IdChunk;
import com.wedsync.perf.aggregation.dedupe.IdTable;
import com.wedsync.perf.aggregation.dedupe.Places;
import java.util.Random;

/**
 * Memory per remembered web-vitals id: the id table's arrays per id once a peak's ids are in (it grows by doubling,
 * so this moves between about 32 and 64 bytes), and the journal's bytes per id (what RocksDB and the changelog hold).
 */
final class IdFootprint {

    private static final int IDS = 3_000_000;
    private static final int CHUNK = 8_192;

    private IdFootprint() {
    }

    static void print() {
        Random random = new Random(9);
        IdTable table = new IdTable();
        Places places = new Places();
        IdChunk chunk = new IdChunk(CHUNK);
        long journal = 0;
        for (int i = 0; i < IDS; i++) {
            int place = places.numberOf("/page-" + random.nextInt(30) + "/:id", i % 2 == 0 ? "MOBILE" : "DESKTOP");
            int minute = 29_000_000 + i / 100_000;
            double value = Math.exp(7.6 + 0.5 * random.nextGaussian());
            long id = random.nextLong();
            table.put(id, minute, value, place);
            chunk.add(id, minute, value, place);
            if (chunk.size() == CHUNK) {
                journal += chunk.encode(places).length;
                chunk.clear();
            }
        }
        System.out.printf("RESULT id footprint: %,d ids (30 minutes at 100,000 a minute) -> %,d bytes of table per id on "
                + "the heap, %.1f bytes per id in the journal%n", IDS, table.footprintBytes() / table.size(),
                (double) journal / (IDS - chunk.size()));
    }
}

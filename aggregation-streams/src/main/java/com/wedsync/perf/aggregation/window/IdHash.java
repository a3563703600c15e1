package com.wedsync.perf.aggregation.window;

/**
 * A 64-bit hash of a web-vitals id (with its tenant and metric), the key under which the id is remembered.
 * Short random keys keep the id store's cache and RocksDB lookups cheap; two different ids sharing a hash is
 * a one-in-several-hundred-thousand event among ten million remembered ids, and would only replace one value.
 */
final class IdHash {

    private IdHash() {
    }

    static long of(String tenant, String metric, String id) {
        long hash = 0xcbf29ce484222325L;
        hash = mix(hash, tenant);
        hash = mix(hash, metric);
        hash = mix(hash, id);
        return finish(hash);
    }

    private static long mix(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return (hash ^ 0x1F) * 0x100000001b3L;
    }

    /** MurmurHash3's finaliser: every input bit affects every output bit. */
    private static long finish(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }
}

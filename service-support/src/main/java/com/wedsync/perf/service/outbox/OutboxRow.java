package com.wedsync.perf.service.outbox;

/** One queued event, as the relay sends it. */
public record OutboxRow(long id, String topic, String key, byte[] payload) {
}

package com.wedsync.perf.ingest.rum;

/** A beacon as it arrived: body and the headers that matter. */
public record RumRequest(byte[] body, String key, String origin, String referer, String userAgent, String clientAddress) {
}

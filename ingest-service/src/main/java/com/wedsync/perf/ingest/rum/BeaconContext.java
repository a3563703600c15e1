package com.wedsync.perf.ingest.rum;

import java.time.Instant;

/**
 * What ingest knows of a beacon besides its body.
 *
 * @param referer the page that sent it, used when the body names none
 */
record BeaconContext(String tenant, String referer, String userAgent, Instant receivedAt) {
}

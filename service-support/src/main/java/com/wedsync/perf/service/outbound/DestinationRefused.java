package com.wedsync.perf.service.outbound;

/** A configured URL our servers will not call; the message says why, never the URL itself (it is a secret). */
public final class DestinationRefused extends Exception {

    public DestinationRefused(String reason) {
        super(reason, null, false, false);
    }
}

package com.wedsync.perf.service.intake;

/** A record that can never be used, however often it is retried: it goes to the dead-letter topic. */
public final class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

package com.wedsync.perf.service.intake;

/**
 * A record that can never be used, however often it is retried: it goes to the dead-letter topic. It carries no stack
 * trace of its own (its message says what is wrong with the record, in the one line that is logged for it); a failure
 * of the code that handled the record keeps its cause, with that cause's stack trace.
 */
public final class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}

package com.wedsync.perf.gate.input;

/** Input that is not what it claims to be; {@code where} names the file / field, for a 400 that says what to fix. */
public class InvalidInput extends RuntimeException {

    private final String where;

    public InvalidInput(String where, String problem) {
        super(where + ": " + problem);
        this.where = where;
    }

    public String where() {
        return where;
    }
}

package com.wedsync.perf.model.vitals;

/** The unit a metric's values are measured in. */
public enum Unit {
    MILLISECONDS("ms"),
    UNITLESS(""),
    BYTES("bytes");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}

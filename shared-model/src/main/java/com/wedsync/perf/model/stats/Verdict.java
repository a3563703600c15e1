package com.wedsync.perf.model.stats;

import com.fasterxml.jackson.annotation.JsonValue;

/** How arm b did against arm a: lower timings are better. */
public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    NO_DIFFERENCE("no difference"),
    NOT_ENOUGH_DATA("not enough data");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}

package com.wedsync.perf.model.event;

import java.time.Duration;
import java.util.Optional;

/** The window sizes trends are computed at; coarser ones are merged from finer sketches. */
public enum Resolution {
    MINUTE("1m", Duration.ofMinutes(1)),
    HOUR("1h", Duration.ofHours(1)),
    DAY("1d", Duration.ofDays(1));

    private final String label;
    private final Duration window;

    Resolution(String label, Duration window) {
        this.label = label;
        this.window = window;
    }

    /** The short form used in APIs: {@code 1m}, {@code 1h}, {@code 1d}. */
    public String label() {
        return label;
    }

    public Duration window() {
        return window;
    }

    public static Optional<Resolution> fromLabel(String label) {
        for (Resolution resolution : values()) {
            if (resolution.label.equalsIgnoreCase(label) || resolution.name().equalsIgnoreCase(label)) {
                return Optional.of(resolution);
            }
        }
        return Optional.empty();
    }
}

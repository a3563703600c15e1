package com.wedsync.perf.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Generated beacon bodies from a fixed seed: random bytes, cut JSON, mutated values, foreign encodings. */
final class FuzzBodies {

    private static final String VALID = "{\"page\": \"https://app.wedsync.example/clients/8231\", \"device\": \"desktop\", "
            + "\"metrics\": [{\"name\": \"LCP\", \"value\": 2100, \"id\": \"v5-1\"}, "
            + "{\"name\": \"CLS\", \"value\": 0.02, \"id\": \"v5-2\"}], \"longTasks\": [80]}";
    private static final String[] ODD_VALUES = {"1e999", "-1e999", "-0", "0.000000001", "\"x\"", "null", "true",
            "[]", "{}", "1" + "0".repeat(40), "-5", "4e5", "600001", "NaN", "Infinity", "0x10", "1.5e-400", "\"\u0000\""};
    private static final String[] NAMES = {"LCP", "INP", "CLS", "FCP", "TTFB", "FID", "lcp", "", "TTI", "\u00c9", "LCP\u0000"};

    private final Random random;

    FuzzBodies(long seed) {
        this.random = new Random(seed);
    }

    record Body(String kind, byte[] bytes, String contentType) {
    }

    Body next() {
        return switch (random.nextInt(7)) {
            case 0 -> new Body("random bytes", randomBytes(random.nextInt(2000)), "text/plain;charset=UTF-8");
            case 1 -> new Body("truncated", VALID.substring(0, random.nextInt(VALID.length())).getBytes(StandardCharsets.UTF_8),
                    "application/json");
            case 2 -> new Body("odd value", mutatedValue().getBytes(StandardCharsets.UTF_8), "application/json");
            case 3 -> new Body("utf-16", VALID.getBytes(StandardCharsets.UTF_16LE), "text/plain;charset=UTF-8");
            case 4 -> new Body("latin-1", ("{\"page\": \"/r\u00e9sum\u00e9\", \"metrics\": [{\"name\": \"LCP\", \"value\": "
                    + random.nextInt(5000) + "}]}").getBytes(StandardCharsets.ISO_8859_1), "text/plain");
            case 5 -> new Body("byte flips", flipped(VALID.getBytes(StandardCharsets.UTF_8)), "application/json");
            default -> new Body("valid", VALID.getBytes(StandardCharsets.UTF_8), "text/plain;charset=UTF-8");
        };
    }

    private String mutatedValue() {
        String name = NAMES[random.nextInt(NAMES.length)];
        String value = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
        return "[{\"name\": \"" + name + "\", \"value\": " + value + ", \"navigationURL\": \"/p/" + random.nextInt(100)
                + "\"}, {\"name\": \"FCP\", \"value\": " + value + "}]";
    }

    private byte[] flipped(byte[] valid) {
        byte[] copy = valid.clone();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}

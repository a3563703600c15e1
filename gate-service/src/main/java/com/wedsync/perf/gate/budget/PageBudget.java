package com.wedsync.perf.gate.budget;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A budget for some pages of a project: the scores and audit limits it sets replace the environment's for every
 * Lighthouse run whose URL path matches {@code pattern} (a glob: {@code *} is any run of characters, {@code /} included)
 * and, when {@code formFactor} is given, that was tested as that form factor. Limits it does not set stay the
 * environment's. When several match, the most specific wins: the longest pattern (counted without its {@code *}),
 * then one that names the form factor.
 *
 * <pre>{@code {"pattern": "/photos/gallery*", "formFactor": "mobile", "minScores": {"performance": 85}}}</pre>
 */
public record PageBudget(String pattern, String formFactor, Map<String, Double> minScores, Map<String, Double> maxAudits) {

    static final int MAX_PATTERN = 200;

    public PageBudget {
        minScores = minScores == null ? Map.of() : Map.copyOf(minScores);
        maxAudits = maxAudits == null ? Map.of() : Map.copyOf(maxAudits);
    }

    /** What is wrong with it, for a 400; empty when it can be used. */
    Optional<String> problem() {
        if (pattern == null || pattern.isBlank() || pattern.length() > MAX_PATTERN || !pattern.startsWith("/")) {
            return Optional.of("a page budget needs a pattern: a URL path of at most " + MAX_PATTERN
                    + " characters starting with '/', '*' for any characters (e.g. /photos/gallery*)");
        }
        if (formFactor != null && !formFactor.equals("mobile") && !formFactor.equals("desktop")) {
            return Optional.of("page budget " + pattern + ": formFactor is mobile, desktop or left out (both)");
        }
        if (minScores.values().stream().anyMatch(v -> v == null || !(v >= 0 && v <= 100))
                || maxAudits.values().stream().anyMatch(v -> v == null || !(v >= 0))) {
            return Optional.of("page budget " + pattern + ": scores are 0–100 and audit limits not negative");
        }
        return Optional.empty();
    }

    boolean matches(String url, String runFormFactor) {
        return (formFactor == null || formFactor.equals(runFormFactor)) && glob().matcher(path(url)).matches();
    }

    /** Higher is more specific. */
    int specificity() {
        return pattern.replace("*", "").length() * 2 + (formFactor == null ? 0 : 1);
    }

    String describe() {
        return pattern + (formFactor == null ? "" : " " + formFactor);
    }

    private Pattern glob() {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }

    private static String path(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }
}

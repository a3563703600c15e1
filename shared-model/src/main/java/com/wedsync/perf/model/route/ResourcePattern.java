package com.wedsync.perf.model.route;

import java.net.URI;
import java.util.Locale;

/**
 * A resource or script URL as it may be kept: its origin and its path as a pattern — segments normalised like a
 * route's ({@link RouteNormalizer}), a content hash in the file name replaced by {@code *}
 * ({@code /static/js/guests.3f9a1c2b.js} → {@code /static/js/guests.*.js}) — never its query or fragment. So the
 * build's bundle keeps one name from release to release, and no token or id in a URL reaches a topic.
 */
public final class ResourcePattern {

    public static final int MAX_LENGTH = 240;

    private ResourcePattern() {
    }

    /** The kept form of {@code url}, or null when it is not an http(s) URL or a path. */
    public static String of(String url) {
        if (url == null || url.isBlank() || url.length() > RouteNormalizer.MAX_INPUT) {
            return null;
        }
        String origin = "";
        String path = url.strip();
        if (path.regionMatches(true, 0, "http://", 0, 7) || path.regionMatches(true, 0, "https://", 0, 8)) {
            URI uri;
            try {
                uri = URI.create(path.replace(" ", "%20").replace("|", "%7C"));
            } catch (IllegalArgumentException notAUrl) {
                return null;
            }
            if (uri.getHost() == null) {
                return null;
            }
            origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        } else if (!path.startsWith("/")) {
            return null; // data:, blob:, chrome-extension: and the like name no resource of the site
        }
        String pattern = origin + RouteNormalizer.normalize(withoutHashInFileName(path));
        return pattern.length() <= MAX_LENGTH ? pattern : pattern.substring(0, MAX_LENGTH);
    }

    /** {@code guests.3f9a1c2b.js}, {@code guests-3f9a1c2b.js}, {@code chunk.8231.js} → {@code guests.*.js}. */
    static String withoutHashInFileName(String path) {
        String noQuery = cut(cut(path, '#'), '?');
        int slash = noQuery.lastIndexOf('/');
        String directory = noQuery.substring(0, slash + 1);
        String file = noQuery.substring(slash + 1);
        String[] parts = file.split("\\.", -1);
        if (parts.length < 2) {
            return noQuery;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i < parts.length - 1) {
                int dash = part.lastIndexOf('-');
                if (dash > 0 && looksLikeHash(part.substring(dash + 1))) {
                    part = part.substring(0, dash) + "-*";
                } else if (looksLikeHash(part) && i > 0) {
                    part = "*";
                }
            }
            name.append(i == 0 ? "" : ".").append(part);
        }
        return directory + name;
    }

    /** Six or more letters and digits with at least one digit (or all hex): a build's content hash or a number. */
    private static boolean looksLikeHash(String part) {
        if (part.length() < 4) {
            return !part.isEmpty() && part.chars().allMatch(Character::isDigit);
        }
        boolean digit = false;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
            digit |= Character.isDigit(c);
        }
        return digit && part.length() >= 6 || part.chars().allMatch(Character::isDigit);
    }

    private static String cut(String value, char delimiter) {
        int index = value.indexOf(delimiter);
        return index < 0 ? value : value.substring(0, index);
    }
}

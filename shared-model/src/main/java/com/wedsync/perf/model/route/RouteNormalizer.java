package com.wedsync.perf.model.route;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a page URL into the route it belongs to, the only form of a URL that is ever stored:
 * {@code https://app.example.com/clients/8231/forms?token=abc#x} becomes {@code /clients/:id/forms}.
 * Scheme, host, user info, query string, fragment and matrix parameters are dropped; dot segments are
 * resolved without climbing above the root; identifying segments become placeholders; the result is
 * NFC-normalised, printable and at most {@value #MAX_LENGTH} characters long.
 */
public final class RouteNormalizer {

    public static final String ROOT = "/";
    /** Where a tenant's metrics of routes beyond its daily number of distinct routes are counted. */
    public static final String OVERFLOW = "/:other";
    public static final int MAX_LENGTH = 200;
    public static final int MAX_SEGMENTS = 16;
    /** Input beyond this is not read: every URL of a beacon costs at most this much work, whatever its length. */
    public static final int MAX_INPUT = 4096;
    /** Appended when segments had to be cut to keep the route bounded. */
    public static final String TRUNCATED = ":more";

    private static final Pattern SCHEME_AND_AUTHORITY = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.\\-]*:)?//[^/]*");

    private RouteNormalizer() {
    }

    public static String normalize(String urlOrPath) {
        if (urlOrPath == null || urlOrPath.isBlank()) {
            return ROOT;
        }
        String bounded = urlOrPath.length() > MAX_INPUT ? urlOrPath.substring(0, MAX_INPUT) : urlOrPath;
        List<String> segments = new ArrayList<>();
        for (String raw : pathOf(bounded.strip()).split("/")) {
            String segment = PercentDecoder.decodeFully(withoutMatrixParameters(raw));
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                continue;
            }
            segments.add(printable(SegmentClassifier.classify(Normalizer.normalize(segment, Normalizer.Form.NFC))));
        }
        return bounded(segments);
    }

    private static String pathOf(String url) {
        String path = cutAt(cutAt(url.replace('\\', '/'), '#'), '?');
        int authority = path.indexOf("//");
        // Only an absolute ("https://host") or scheme-relative ("//host") URL has an authority to drop.
        if (authority >= 0 && (authority == 0 || path.charAt(authority - 1) == ':')) {
            Matcher schemeAndAuthority = SCHEME_AND_AUTHORITY.matcher(path);
            if (schemeAndAuthority.lookingAt()) {
                return path.substring(schemeAndAuthority.end());
            }
        }
        return path;
    }

    private static String cutAt(String value, char delimiter) {
        int index = value.indexOf(delimiter);
        return index < 0 ? value : value.substring(0, index);
    }

    private static String withoutMatrixParameters(String segment) {
        return cutAt(segment, ';');
    }

    /** Re-encodes what must not appear raw in a route or a log line: controls, whitespace, and URL delimiters. */
    private static String printable(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        segment.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || cp == '/' || cp == '?' || cp == '#' || cp == '%' || cp == '\uFFFD') {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String bounded(List<String> segments) {
        if (segments.isEmpty()) {
            return ROOT;
        }
        String whole = "/" + String.join("/", segments);
        if (segments.size() <= MAX_SEGMENTS && whole.length() <= MAX_LENGTH) {
            return whole;
        }
        int room = MAX_LENGTH - TRUNCATED.length() - 1;
        StringBuilder route = new StringBuilder();
        for (int i = 0; i < segments.size() && i < MAX_SEGMENTS - 1; i++) {
            if (route.length() + 1 + segments.get(i).length() > room) {
                break;
            }
            route.append('/').append(segments.get(i));
        }
        return route.append('/').append(TRUNCATED).toString();
    }
}

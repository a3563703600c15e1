package com.wedsync.perf.model.route;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lenient percent-decoding of one path segment: malformed escapes stay as they are, invalid UTF-8
 * becomes U+FFFD, and {@code +} is left alone (it means a space only in query strings).
 * Decodes repeatedly so that double-encoded values ({@code %2540}) cannot hide an e-mail address.
 */
final class PercentDecoder {

    private static final int MAX_PASSES = 3;

    private PercentDecoder() {
    }

    static String decodeFully(String segment) {
        String current = segment;
        for (int pass = 0; pass < MAX_PASSES && current.indexOf('%') >= 0; pass++) {
            String decoded = decodeOnce(current);
            if (decoded.equals(current)) {
                break;
            }
            current = decoded;
        }
        return current;
    }

    static String decodeOnce(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && isHex(segment.charAt(i + 1)) && isHex(segment.charAt(i + 2))) {
                bytes.write(Integer.parseInt(segment, i + 1, i + 3, 16));
                i += 3;
            } else {
                int codePoint = segment.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}

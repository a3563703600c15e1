package com.wedsync.perf.model.route;

/**
 * A CSS selector from web-vitals' attribution ({@code interactionTarget}, LCP's {@code target}, CLS's
 * {@code largestShiftTarget}) as it may be kept: ids and classes that identify a person or a record become
 * placeholders the way route segments do ({@code li#guest-8231} → {@code li#:id}), attribute selectors keep their
 * name but never their value, anything but selector syntax is dropped, and the result is at most
 * {@value #MAX_LENGTH} characters. The same element on every visit collapses to one selector, so the selector
 * can be a cause that many experiences share.
 */
public final class SelectorPattern {

    public static final int MAX_LENGTH = 160;
    private static final String TRUNCATED = "…";
    /** An e-mail address anywhere, even split into classes ({@code td.jane.doe@example.com}). */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");

    private SelectorPattern() {
    }

    /** The kept form of {@code selector}, or null when nothing of it can be kept. */
    public static String of(String selector) {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        String bounded = selector.length() > 4 * MAX_LENGTH ? selector.substring(0, 4 * MAX_LENGTH) : selector;
        String input = bounded.indexOf('@') < 0 ? bounded : EMAIL.matcher(bounded).replaceAll(SegmentClassifier.EMAIL);
        StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_LENGTH + 8));
        int i = 0;
        while (i < input.length() && out.length() <= MAX_LENGTH) {
            char c = input.charAt(i);
            if ((c == '#' || c == '.') && i + 1 < input.length() && input.charAt(i + 1) == ':') {
                int end = nameEnd(input, i + 2); // a placeholder kept before: #:id stays #:id
                out.append(c).append(':').append(input, i + 2, end);
                i = end;
            } else if (c == '#' || c == '.') {
                int end = nameEnd(input, i + 1);
                if (end > i + 1) {
                    out.append(c).append(SegmentClassifier.classify(input.substring(i + 1, end)));
                }
                i = end;
            } else if (c == '[') {
                int close = input.indexOf(']', i);
                int end = nameEnd(input, i + 1);
                if (end > i + 1) {
                    out.append('[').append(input, i + 1, end).append(']');
                }
                i = close < 0 ? input.length() : close + 1;
            } else if (isNameChar(c) || c == '>' || c == ' ' || c == '+' || c == '~' || c == ':' || c == '(' || c == ')'
                    || c == '*' || c == ',') {
                out.append(c);
                i++;
            } else {
                i++; // quotes, text, control characters: never kept
            }
        }
        String kept = collapseSpaces(out.toString());
        if (kept.isEmpty()) {
            return null;
        }
        return kept.length() <= MAX_LENGTH ? kept : kept.substring(0, MAX_LENGTH - TRUNCATED.length()) + TRUNCATED;
    }

    private static int nameEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String collapseSpaces(String text) {
        return text.strip().replaceAll(" {2,}", " ");
    }
}

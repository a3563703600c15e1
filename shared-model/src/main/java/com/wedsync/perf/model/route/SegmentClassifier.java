package com.wedsync.perf.model.route;

import java.util.regex.Pattern;

/**
 * Decides whether a decoded path segment identifies a person or a record, and if so which placeholder
 * replaces it. Everything that varies per user or per record must collapse, or routes would leak PII
 * and explode the cardinality of every trend.
 */
final class SegmentClassifier {

    static final String ID = ":id";
    static final String UUID = ":uuid";
    static final String EMAIL = ":email";
    static final String TOKEN = ":token";

    /** Segments longer than this are never a page name a person chose. */
    static final int MAX_SEGMENT_LENGTH = 64;
    private static final int MIN_TOKEN_LENGTH = 16;
    /** Random base64 changes character class at ~65% of positions, hex at ~47%, words and slugs far less. */
    private static final double TOKEN_CLASS_CHANGE_RATIO = 0.3;

    private static final Pattern EMAIL_ANYWHERE = Pattern.compile("[^@\\s/]+@[^@\\s/]+\\.[^@\\s/.]{2,}");
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /**
     * Plain numbers, and numbers joined by separators such as dates (2025-06-14) or versions of a record.
     * A run of three or more digits inside a word ({@code inv-8231}, {@code wedding_2041}) is an identifier too.
     */
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+([-_.,:][0-9]+)*");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern TOKEN_ALPHABET = Pattern.compile("[A-Za-z0-9_\\-+=.~]+");

    private SegmentClassifier() {
    }

    /**
     * The placeholder for an identifying segment, or the segment itself when it names a page. Cheap exact guards
     * run before each pattern: this runs for every segment of every beacon.
     */
    static String classify(String segment) {
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            return TOKEN; // first: no pattern ever runs on text of the sender's length (16 KB cost 750 ms in the e-mail pattern)
        }
        if (segment.indexOf('@') >= 0 && EMAIL_ANYWHERE.matcher(segment).find()) {
            return EMAIL;
        }
        if (segment.length() == 36 && segment.charAt(8) == '-' && UUID_SHAPE.matcher(segment).matches()) {
            return UUID;
        }
        if (isDigit(segment.charAt(0)) && NUMERIC.matcher(segment).matches()) {
            return ID;
        }
        if (looksLikeToken(segment)) {
            return TOKEN;
        }
        if (longestDigitRun(segment) >= 3) {
            return ID;
        }
        return segment;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int longestDigitRun(String segment) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < segment.length(); i++) {
            run = isDigit(segment.charAt(i)) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static boolean looksLikeToken(String segment) {
        if (segment.length() < MIN_TOKEN_LENGTH || !TOKEN_ALPHABET.matcher(segment).matches()) {
            return false;
        }
        if (HEX.matcher(segment).matches()) {
            return true;
        }
        return classChanges(segment) >= TOKEN_CLASS_CHANGE_RATIO * segment.length();
    }

    /** How often consecutive letters and digits switch between lower case, upper case and digit. */
    private static int classChanges(String segment) {
        int changes = 0;
        int previous = -1;
        for (int i = 0; i < segment.length(); i++) {
            int current = charClass(segment.charAt(i));
            if (current < 0) {
                continue;
            }
            if (previous >= 0 && current != previous) {
                changes++;
            }
            previous = current;
        }
        return changes;
    }

    private static int charClass(char c) {
        if (c >= '0' && c <= '9') {
            return 0;
        }
        if (c >= 'a' && c <= 'z') {
            return 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return 2;
        }
        return -1;
    }
}

package com.wedsync.perf.service.api;

/**
 * Text a client sends is plain text: no control characters but tab, line feed and carriage return. A NUL cannot be
 * stored in a PostgreSQL text column (it failed the request with a 500), and escape sequences or stray line
 * breaks in a path forge log lines and terminal output.
 */
public final class PlainText {

    private PlainText() {
    }

    /** True when the text holds a C0 control other than tab, LF and CR, DEL, or a C1 control. */
    public static boolean hasControlCharacters(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return true;
            }
        }
        return false;
    }

    /** A path or query parameter: a line of text, so no control characters at all. */
    public static boolean isOneLine(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                return false;
            }
        }
        return true;
    }

    /** Thrown while reading a JSON body; becomes a 400 {@code invalid_text}. */
    public static final class ControlCharacterInBody extends RuntimeException {

        public ControlCharacterInBody() {
            super("a text field holds a control character (only tab, line feed and carriage return are allowed)", null,
                    false, false);
        }
    }
}

package com.wedsync.perf.model.route;

import java.util.Locale;

/** What a resource is, from its timing entry's {@code initiatorType} and its path pattern's extension. */
public enum ResourceKind {
    SCRIPT, IMAGE, STYLESHEET, FONT, OTHER;

    public static ResourceKind of(String initiatorType, String pattern) {
        String extension = extension(pattern);
        if ("script".equals(initiatorType) || extension.equals("js") || extension.equals("mjs")) {
            return SCRIPT;
        }
        if ("img".equals(initiatorType) || "image".equals(initiatorType) || isImageExtension(extension)) {
            return IMAGE;
        }
        if (extension.equals("css") || "css".equals(initiatorType) && !isImageExtension(extension)) {
            return extension.equals("woff") || extension.equals("woff2") ? FONT : STYLESHEET;
        }
        return extension.equals("woff") || extension.equals("woff2") || extension.equals("ttf") ? FONT : OTHER;
    }

    /** WebP and AVIF: the formats the image rule asks for (SVG is not a bitmap, and not asked to convert). */
    public static boolean isModernImage(String pattern) {
        String extension = extension(pattern);
        return extension.equals("webp") || extension.equals("avif") || extension.equals("svg");
    }

    private static boolean isImageExtension(String extension) {
        return switch (extension) {
            case "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "bmp", "ico" -> true;
            default -> false;
        };
    }

    static String extension(String pattern) {
        if (pattern == null) {
            return "";
        }
        int slash = pattern.lastIndexOf('/');
        int dot = pattern.lastIndexOf('.');
        return dot > slash ? pattern.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}

package com.wedsync.perf.model.event;

import java.util.regex.Pattern;

/**
 * The arms a measurement can belong to besides its page: the WedSync release that served it
 * ({@code 2026.12.1}) and an experiment's variant ({@code checkout-v2:B}, an experiment name and arm). Both are
 * series dimensions; a variant always has exactly one colon and a release none, so one string names either.
 */
public final class Arms {

    public static final Pattern RELEASE = Pattern.compile("[A-Za-z0-9._+\\-]{1,64}");
    public static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9._\\-]{1,48}:[A-Za-z0-9._\\-]{1,16}");

    private Arms() {
    }

    public static boolean isRelease(String arm) {
        return arm != null && RELEASE.matcher(arm).matches();
    }

    public static boolean isVariant(String arm) {
        return arm != null && VARIANT.matcher(arm).matches();
    }

    public static boolean isArm(String arm) {
        return isRelease(arm) || isVariant(arm);
    }

    /** The experiment of a variant ({@code checkout-v2} of {@code checkout-v2:B}). */
    public static String experiment(String variant) {
        return variant.substring(0, variant.indexOf(':'));
    }

    /** A release or variant as given, refused when it is neither; null stays null. */
    public static String checked(String arm, String field) {
        if (arm != null && !isArm(arm)) {
            throw new IllegalArgumentException(field + " '" + arm + "' is neither a release (" + RELEASE.pattern()
                    + ") nor a variant (" + VARIANT.pattern() + ")");
        }
        return arm;
    }
}

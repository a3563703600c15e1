package com.wedsync.perf.scaling.forecast;

import com.wedsync.perf.model.event.WeddingSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The load one wedding adds in each hour around its ceremony: per guest and per vendor, from {@value #FIRST_OFFSET}
 * hours before the ceremony's hour to {@value #LAST_OFFSET} after it (guests open the guest list and timeline, vendors
 * sync and upload photos). Fitted on past weddings ({@link WeddingEffectFit}), or the prior until enough have passed.
 *
 * @param perGuest load units per guest, index 0 = {@value #FIRST_OFFSET} hours from the ceremony's hour
 * @param basis how it was obtained, in words
 */
public record WeddingEffect(double[] perGuest, double[] perVendor, String basis, int fittedOn) {

    public static final int FIRST_OFFSET = -3;
    public static final int LAST_OFFSET = 8;
    public static final int OFFSETS = LAST_OFFSET - FIRST_OFFSET + 1;
    /** Relative intensity per offset of the prior: build-up, the ceremony, reception, tailing off. */
    private static final double[] PRIOR_SHAPE = {0.2, 0.5, 0.8, 1.0, 0.9, 0.7, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};

    public WeddingEffect {
        if (perGuest.length != OFFSETS || perVendor.length != OFFSETS) {
            throw new IllegalArgumentException("one coefficient per offset " + FIRST_OFFSET + ".." + LAST_OFFSET);
        }
        perGuest = perGuest.clone();
        perVendor = perVendor.clone();
    }

    /** The prior: at the ceremony's hour {@code guestPeak} units per guest and {@code vendorPeak} per vendor. */
    public static WeddingEffect prior(double guestPeak, double vendorPeak) {
        double[] guests = new double[OFFSETS];
        double[] vendors = new double[OFFSETS];
        for (int i = 0; i < OFFSETS; i++) {
            guests[i] = guestPeak * PRIOR_SHAPE[i];
            vendors[i] = vendorPeak * PRIOR_SHAPE[i];
        }
        return new WeddingEffect(guests, vendors, "prior (" + guestPeak + " per guest, " + vendorPeak
                + " per vendor at the ceremony hour; no past weddings fitted yet)", 0);
    }

    /** Hours from the ceremony's hour to {@code hour}, or empty outside the modelled span. */
    public static int offset(WeddingSchedule wedding, Instant hour) {
        return (int) Duration.between(wedding.ceremonyAt().truncatedTo(ChronoUnit.HOURS), hour).toHours();
    }

    public static boolean covers(int offset) {
        return offset >= FIRST_OFFSET && offset <= LAST_OFFSET;
    }

    /** The load the wedding adds in the hour starting at {@code hour}; never negative. */
    public double load(WeddingSchedule wedding, Instant hour) {
        int offset = offset(wedding, hour);
        if (!covers(offset)) {
            return 0;
        }
        int i = offset - FIRST_OFFSET;
        return Math.max(0, perGuest[i] * wedding.guestCount() + perVendor[i] * wedding.vendorCount());
    }

    /** The extra load at the ceremony's hour for this many guests and vendors. */
    public double peak(int guests, int vendors) {
        int i = -FIRST_OFFSET;
        return Math.max(0, perGuest[i] * guests + perVendor[i] * vendors);
    }
}

package com.wedsync.perf.scaling.forecast;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * How busy each month of the wedding year is relative to an average month: history is divided by its month's factor
 * before the hour-of-week profile is learnt, and forecasts multiplied by theirs, so eight weeks of April history
 * forecast a busier June. Defaults follow the wedding season (peak June–September); configurable, since a year of
 * history is needed before they could be learnt.
 */
public record SeasonFactors(double[] byMonth) {

    public static final double[] WEDDING_SEASON = {0.70, 0.72, 0.82, 0.95, 1.08, 1.22, 1.20, 1.18, 1.15, 1.02, 0.80, 0.76};

    public SeasonFactors {
        if (byMonth.length != 12 || Arrays.stream(byMonth).anyMatch(f -> !(f > 0))) {
            throw new IllegalArgumentException("season factors: 12 positive numbers, January first");
        }
        byMonth = byMonth.clone();
    }

    public static SeasonFactors parse(String commaSeparated) {
        return new SeasonFactors(Arrays.stream(commaSeparated.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray());
    }

    public double of(Instant hour, ZoneId zone) {
        return byMonth[hour.atZone(zone).getMonthValue() - 1];
    }
}

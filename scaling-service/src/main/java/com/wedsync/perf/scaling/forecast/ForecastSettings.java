package com.wedsync.perf.scaling.forecast;

import java.time.ZoneId;

/**
 * @param zone the zone whose calendar the hour-of-week profile follows
 * @param historyWeeks how much history the profile and the wedding fit read
 * @param halfLifeWeeks weight of a week in the profile halves every this many weeks back
 * @param minHistoryDays below this a tenant's own profile is not trusted: the platform's shape is scaled instead
 * @param minWeddings past weddings needed before the fitted wedding effect replaces the prior
 * @param horizonHours how far ahead to forecast
 */
public record ForecastSettings(ZoneId zone, int historyWeeks, double halfLifeWeeks, int minHistoryDays, int minWeddings,
                               int horizonHours, SeasonFactors season, WeddingEffect prior) {
}

package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.vitals.Rating;

/**
 * One route in the pages ranking.
 *
 * @param trafficShare this route's share of the tenant's samples of the metric
 * @param opportunity this route's share of all the tenant's not-good experiences of the metric: what fixing it gains
 * @param p75OverGood how far p75 is above the "good" threshold (0 when it is good)
 */
public record PageView(String route, long traffic, double trafficShare, double p75, Rating rating, double goodShare,
                       double needsImprovementShare, double poorShare, double opportunity, double p75OverGood) {
}

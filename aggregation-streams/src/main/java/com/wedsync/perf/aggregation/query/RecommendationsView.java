package com.wedsync.perf.aggregation.query;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/recommendations/pages}: a tenant's page advice over a window, the largest estimated gain first.
 *
 * @param routesExamined the busiest routes looked at (at most {@value Recommendations#MAX_ROUTES})
 */
public record RecommendationsView(String tenant, Instant from, Instant to, int routesExamined,
                                  List<Recommendation> recommendations) {
}

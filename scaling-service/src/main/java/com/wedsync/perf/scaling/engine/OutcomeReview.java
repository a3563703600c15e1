package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.scaling.ScalingConfig;
import com.wedsync.perf.scaling.load.LoadStore;
import com.wedsync.perf.scaling.plan.CapacityModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Once a recommendation's period has passed (and its last minutes had time to arrive), compares it with the load that
 * came: the peak hour's utilisation of the recommended instances — over 90% under-provisioned, under a third of the
 * target (with more than the minimum instances) over-provisioned, else adequate.
 */
@ApplicationScoped
public class OutcomeReview {

    private static final Duration SETTLE = Duration.ofMinutes(5);

    private final RecommendationStore recommendations;
    private final LoadStore load;
    private final CapacityModel capacity;

    public OutcomeReview(RecommendationStore recommendations, LoadStore load, ScalingConfig config) {
        this.recommendations = recommendations;
        this.load = load;
        this.capacity = config.capacityModel();
    }

    public int review(Instant now) {
        int judged = 0;
        for (RecommendationStore.Stored stored : recommendations.awaitingOutcome(now.minus(SETTLE))) {
            ScalingRecommendation r = stored.recommendation();
            boolean platform = ScalingRecommendation.PLATFORM.equals(r.tenant());
            Map<String, SortedMap<Instant, Double>> hours = load.hourly(platform ? null : r.tenant(), r.effectiveFrom(),
                    r.effectiveUntil());
            double peak = platform
                    ? hours.values().stream().flatMap(h -> h.entrySet().stream())
                    .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey, java.util.stream.Collectors.summingDouble(Map.Entry::getValue)))
                    .values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
                    : hours.getOrDefault(r.tenant(), new java.util.TreeMap<>()).values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double utilisation = capacity.utilisation(peak, r.instances());
            String verdict = utilisation > 0.9 ? "under-provisioned"
                    : utilisation < capacity.targetUtilisation() / 3 && r.instances() > CapacityModel.MIN_INSTANCES ? "over-provisioned"
                    : "adequate";
            recommendations.judge(stored.id(), peak, String.format(Locale.ROOT, "%s: peak %.0f load units/h, %.0f%% of %d instances",
                    verdict, peak, 100 * utilisation, r.instances()));
            judged++;
        }
        return judged;
    }
}

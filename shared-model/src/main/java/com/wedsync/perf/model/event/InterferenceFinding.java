package com.wedsync.perf.model.event;

import java.time.Instant;
import java.util.List;

/**
 * One tenant's load degrading others: the likely antagonist, every victim, and the evidence.
 * Published once under each victim's key, so a tenant's partition holds everything that hurt it.
 *
 * @param victimTenant the tenant this copy is keyed by; one of {@code victims}
 * @param antagonistRequests the antagonist's requests in the window
 * @param antagonistBaselineRequests its average requests per window over the look-back before the episode
 * @param lookbackMinutes how many minutes the correlations were computed over
 */
public record InterferenceFinding(
        String findingId,
        String victimTenant,
        String antagonistTenant,
        Instant windowStart,
        Instant windowEnd,
        long antagonistRequests,
        double antagonistBaselineRequests,
        List<VictimEvidence> victims,
        int lookbackMinutes,
        Instant detectedAt) {

    public InterferenceFinding {
        Require.text(findingId, "findingId");
        Require.text(victimTenant, "victimTenant");
        Require.text(antagonistTenant, "antagonistTenant");
        if (antagonistTenant.equals(victimTenant)) {
            throw new IllegalArgumentException("a tenant cannot interfere with itself: " + victimTenant);
        }
        Require.present(windowStart, "windowStart");
        Require.present(windowEnd, "windowEnd");
        Require.nonNegative(antagonistRequests, "antagonistRequests");
        Require.nonNegative(antagonistBaselineRequests, "antagonistBaselineRequests");
        victims = Require.listOrEmpty(victims);
        if (victims.stream().noneMatch(v -> v.tenant().equals(victimTenant))) {
            throw new IllegalArgumentException("victims must include the keyed victim " + victimTenant);
        }
        Require.present(detectedAt, "detectedAt");
    }

    /** How many times its baseline volume the antagonist sent; infinite when it had no baseline. */
    public double antagonistVolumeRatio() {
        return antagonistBaselineRequests == 0 ? Double.POSITIVE_INFINITY
                : antagonistRequests / antagonistBaselineRequests;
    }
}

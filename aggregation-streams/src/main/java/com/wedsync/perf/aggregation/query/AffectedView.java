package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.VictimEvidence;
import java.time.Instant;
import java.util.Optional;

/**
 * What a tenant may know of a finding that names it as a victim: when, and how much slower it was than its own
 * baseline while another tenant's load rose — never who that tenant was, nor who else was hurt.
 */
public record AffectedView(String findingId, Instant windowStart, Instant windowEnd, Instant detectedAt, double p95Ms,
                           double baselineP95Ms, double correlation, String cause) {

    static final String CAUSE = "another tenant's load on the shared platform";

    static Optional<AffectedView> of(InterferenceFinding finding, String tenant) {
        return finding.victims().stream().filter(v -> v.tenant().equals(tenant)).findFirst()
                .map(victim -> view(finding, victim));
    }

    private static AffectedView view(InterferenceFinding finding, VictimEvidence victim) {
        return new AffectedView(finding.findingId(), finding.windowStart(), finding.windowEnd(), finding.detectedAt(),
                victim.p95Ms(), victim.baselineP95Ms(), victim.correlation(), CAUSE);
    }
}

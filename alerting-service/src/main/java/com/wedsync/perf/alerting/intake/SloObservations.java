package com.wedsync.perf.alerting.intake;

import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.alerting.lifecycle.Observation;
import com.wedsync.perf.alerting.rules.BurnRateRule;
import com.wedsync.perf.alerting.rules.ServerMinutes;
import com.wedsync.perf.alerting.rules.ServiceLevelObjective;
import com.wedsync.perf.alerting.rules.Verdict;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.Tier;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Closed server minutes feed the tenant's availability and latency SLOs: the minute is kept, then the error budget's
 * burn rates over 5 minutes to 3 days decide (page: critical, ticket: medium). Fires at once; the window pairs are
 * the smoothing.
 */
@ApplicationScoped
public class SloObservations {

    private final ServerMinutes minutes;
    private final TenantDirectory tenants;
    private final AlertingConfig config;

    public SloObservations(ServerMinutes minutes, TenantDirectory tenants, AlertingConfig config) {
        this.minutes = minutes;
        this.tenants = tenants;
        this.config = config;
    }

    List<Observation> of(TrendPoint minute) {
        ServiceLevelObjective slo = ServiceLevelObjective.of(tenants.byId(minute.tenant()).map(TenantConfig::tier)
                .orElse(Tier.STANDARD));
        long slow = minute.sketch() == null || minute.sketch().isBlank() ? 0
                : SketchCodec.decode(minute.sketch()).countAbove(slo.latencyMs());
        minutes.record(minute.tenant(), minute.metric(), minute.windowStart(), minute.count(), minute.errors(), slow);
        return List.of(
                observation(minute, "availability", slo.availability(), ServerMinutes.Bad.ERRORS),
                observation(minute, "latency", slo.fastShare(), ServerMinutes.Bad.SLOW));
    }

    private Observation observation(TrendPoint minute, String objective, double target, ServerMinutes.Bad bad) {
        Verdict verdict = BurnRateRule.evaluate(
                minutes.windows(minute.tenant(), minute.windowEnd(), BurnRateRule.WINDOWS, bad), target,
                config.slo().minRequests());
        String summary = String.format(Locale.ROOT, "%s SLO (%.2f%%) error budget burning at %.1f× (%s)", objective,
                target * 100, verdict.actual(), verdict.measure());
        return new Observation("slo|" + minute.tenant() + "|" + objective, AlertType.SLO_BURN, minute.tenant(), null,
                objective, verdict, minute.count(), minute.windowStart(), minute.windowEnd(), Duration.ZERO,
                config.keepFiringFor(), null, summary);
    }
}

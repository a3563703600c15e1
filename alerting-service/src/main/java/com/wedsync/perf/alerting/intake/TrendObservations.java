package com.wedsync.perf.alerting.intake;

import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.alerting.lifecycle.Observation;
import com.wedsync.perf.alerting.rules.EffectiveRules;
import com.wedsync.perf.model.slo.OperationObjective;
import com.wedsync.perf.alerting.rules.TenantRules;
import com.wedsync.perf.alerting.rules.ThresholdRule;
import com.wedsync.perf.alerting.rules.Verdict;
import com.wedsync.perf.alerting.wedding.WeddingCalendar;
import com.wedsync.perf.alerting.wedding.WeddingDay;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.event.VictimEvidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns closed windows into observations of alert conditions. Threshold rules look at 1-minute windows: Web Vitals per
 * page and device class (where their public thresholds apply: DESIGN.md), server timings per operation; a wedding day
 * shortens {@code for}. Closed hours go to the regression rule.
 */
@ApplicationScoped
public class TrendObservations {

    private static final DateTimeFormatter CEREMONY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final TenantRules rules;
    private final WeddingCalendar weddings;
    private final AlertingConfig config;
    private final RegressionObservations regressions;
    private final SloObservations slos;

    public TrendObservations(TenantRules rules, WeddingCalendar weddings, AlertingConfig config,
                             RegressionObservations regressions, SloObservations slos) {
        this.rules = rules;
        this.slos = slos;
        this.regressions = regressions;
        this.weddings = weddings;
        this.config = config;
    }

    /** Everything a closed window says: threshold (and SLO, for server minutes) or regression (hours). */
    public List<Observation> of(TrendPoint point) {
        if (point.resolution() == Resolution.DAY || !isEvaluated(point)) {
            return List.of();
        }
        if (point.resolution() == Resolution.HOUR) {
            return regressions.of(point).stream().toList();
        }
        List<Observation> seen = new ArrayList<>();
        seen.add(threshold(point));
        if (point.source() == Source.SERVER) {
            seen.addAll(slos.of(point));
        }
        return seen;
    }

    private Observation threshold(TrendPoint point) {
        EffectiveRules tenantRules = rules.of(point.tenant());
        WeddingDay wedding = weddings.weddingDay(point.tenant(), point.windowStart()).orElse(null);
        Verdict verdict = ThresholdRule.evaluate(point, tenantRules, wedding != null);
        Duration forDuration = wedding == null ? tenantRules.forDuration()
                : min(config.wedding().forDuration(), tenantRules.forDuration());
        String route = point.source() == Source.RUM ? point.route() : null;
        return new Observation(thresholdFingerprint(point), AlertType.THRESHOLD_BREACH, point.tenant(), route, point.metric(),
                verdict, point.count(), point.windowStart(), point.windowEnd(), forDuration, tenantRules.keepFiringFor(),
                wedding, summary(point, verdict, wedding, tenantRules.objective(point.metric())));
    }

    /** A finding becomes an ops alert about its antagonist; it fires at once (the detector already waited). */
    public Observation of(InterferenceFinding finding) {
        boolean weddingDay = finding.victims().stream()
                .anyMatch(v -> weddings.weddingDay(v.tenant(), finding.windowStart()).isPresent());
        Severity severity = weddingDay ? Severity.CRITICAL : Severity.HIGH;
        Verdict verdict = new Verdict(Verdict.Outcome.BREACHED, severity, 0, finding.antagonistVolumeRatio(), "volume ratio");
        String victims = finding.victims().stream().map(VictimEvidence::tenant).sorted().collect(Collectors.joining(", "));
        String summary = String.format(Locale.ROOT, "%s's load (%.1f× its baseline) is slowing %s", finding.antagonistTenant(),
                finding.antagonistVolumeRatio(), victims);
        return new Observation("interference|" + finding.antagonistTenant(), AlertType.INTERFERENCE,
                finding.antagonistTenant(), null, "requests", verdict, finding.antagonistRequests(), finding.windowStart(),
                finding.windowEnd(), Duration.ZERO, config.keepFiringFor(), null, summary);
    }

    /**
     * The fingerprint of the point's threshold alert, the first alert {@link #of(TrendPoint)} asks about; null for a
     * point it does not judge by threshold (hours, days, roll-ups).
     */
    public static String thresholdFingerprint(TrendPoint point) {
        if (point.resolution() != Resolution.MINUTE || !isEvaluated(point)) {
            return null;
        }
        return String.join("|", "threshold", point.tenant(), point.source().name(), point.route(), point.metric())
                + (point.source() == Source.RUM ? "|" + point.device() : "");
    }

    /** Web Vitals of one page on one device class; server timings of one operation (their device is always all). */
    static boolean isEvaluated(TrendPoint point) {
        return point.source() == Source.RUM
                ? !TrendKey.ALL.equals(point.route()) && !TrendKey.ALL.equals(point.device())
                : TrendKey.ALL.equals(point.device());
    }

    private static String summary(TrendPoint point, Verdict verdict, WeddingDay wedding, OperationObjective objective) {
        String what = point.source() == Source.RUM ? point.metric() + " " + verdict.measure() + " on " + point.route()
                + " (" + point.device().toLowerCase(Locale.ROOT) + ")" : point.metric() + " " + verdict.measure();
        String text = verdict.isBreached()
                ? String.format(Locale.ROOT, "%s is %s, over %s", what, format(verdict.actual()), format(verdict.threshold()))
                : String.format(Locale.ROOT, "%s is %s", what, format(verdict.actual()));
        if (wedding == null) {
            return text;
        }
        boolean missedObjective = point.source() == Source.SERVER && verdict.isBreached()
                && verdict.threshold() == objective.latencyMs() && objective.percentile().equals(verdict.measure());
        return text + (missedObjective ? " (its wedding-day objective)" : "") + " on the day of wedding "
                + wedding.weddingId() + " (ceremony " + CEREMONY.format(wedding.ceremonyAt()) + ")";
    }

    private static String format(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

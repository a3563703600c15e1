package com.wedsync.perf.alerting.intake;

import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.alerting.lifecycle.Observation;
import com.wedsync.perf.alerting.rules.HourHistory;
import com.wedsync.perf.alerting.rules.RegressionRule;
import com.wedsync.perf.alerting.rules.Verdict;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Closed hours become regression observations: the hour is kept, then compared with the same hour of the previous
 * {@value #DAYS} days. The hour itself is the sustained evidence, so the alert fires at once and resolves with the
 * first hour that is not regressed.
 */
@ApplicationScoped
public class RegressionObservations {

    static final int DAYS = 7;

    private final HourHistory history;
    private final AlertingConfig config;

    public RegressionObservations(HourHistory history, AlertingConfig config) {
        this.history = history;
        this.config = config;
    }

    Optional<Observation> of(TrendPoint hour) {
        if (hour.sketch() == null || hour.sketch().isBlank()) {
            return Optional.empty();
        }
        String series = String.join("|", hour.tenant(), hour.source().name(), hour.route(), hour.metric())
                + (hour.source() == Source.RUM ? "|" + hour.device() : "");
        history.record(series, hour.windowStart(), hour.count(), hour.sketch());
        List<Instant> sameHours = IntStream.rangeClosed(1, DAYS)
                .mapToObj(day -> hour.windowStart().minus(Duration.ofDays(day))).toList();
        List<QuantileSketch> before = RegressionRule.decode(history.sketches(series, sameHours));
        Verdict verdict = RegressionRule.evaluate(SketchCodec.decode(hour.sketch()), before,
                config.regression().tolerance(), config.regression().minSamples());
        String what = hour.source() == Source.RUM ? hour.metric() + " p75 on " + hour.route() + " ("
                + hour.device().toLowerCase(Locale.ROOT) + ")" : hour.metric() + " p75";
        String summary = String.format(Locale.ROOT, "%s is %.0f, more than %.0f%% worse than the same hour of the last %d days (limit %.0f)",
                what, verdict.actual(), config.regression().tolerance() * 100, DAYS, verdict.threshold());
        return Optional.of(new Observation("regression|" + series, AlertType.REGRESSION, hour.tenant(),
                hour.source() == Source.RUM ? hour.route() : null, hour.metric(), verdict, hour.count(),
                hour.windowStart(), hour.windowEnd(), Duration.ZERO, Duration.ZERO, null, summary));
    }
}

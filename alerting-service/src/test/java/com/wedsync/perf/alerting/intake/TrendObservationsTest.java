package com.wedsync.perf.alerting.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Which closed windows the threshold rules judge, among those aggregation-streams emits: Web Vitals per page and device
 * class (the roll-ups over routes are for dashboards), server timings per operation and for all operations.
 */
class TrendObservationsTest {

    private static final Instant AT = Instant.parse("2026-06-13T14:00:00Z");

    @Test
    void shouldJudgeWebVitalsPerPageAndDeviceAndServerTimingsPerOperation() {
        assertThat(TrendObservations.isEvaluated(point(Source.RUM, "/weddings/:id/guests", "LCP", "MOBILE"))).isTrue();
        assertThat(TrendObservations.isEvaluated(point(Source.RUM, TrendKey.ALL, "LCP", "MOBILE"))).isFalse();
        assertThat(TrendObservations.isEvaluated(point(Source.RUM, TrendKey.ALL, "LCP", TrendKey.ALL))).isFalse();
        assertThat(TrendObservations.isEvaluated(point(Source.SERVER, TrendKey.ALL, "guest_list_access", TrendKey.ALL))).isTrue();
        assertThat(TrendObservations.isEvaluated(point(Source.SERVER, TrendKey.ALL, TrendKey.ALL, TrendKey.ALL))).isTrue();
    }

    private static TrendPoint point(Source source, String route, String metric, String device) {
        return new TrendPoint("t", source, route, metric, device, Resolution.MINUTE, AT, AT.plusSeconds(60), 100, 1, 2, 3, 4,
                0, 5, 0, 0, 0, 0, "", 0.01);
    }
}

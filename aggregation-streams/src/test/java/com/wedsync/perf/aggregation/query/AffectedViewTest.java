package com.wedsync.perf.aggregation.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.VictimEvidence;
import com.wedsync.perf.model.serde.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffectedViewTest {

    private static final Instant MINUTE = Instant.parse("2026-06-13T14:00:00Z");
    private static final InterferenceFinding FINDING = new InterferenceFinding("f-1", "victim-a", "noisy-venue", MINUTE,
            MINUTE.plusSeconds(60), 9000, 1000, List.of(new VictimEvidence("victim-a", 2400, 400, 0.93),
            new VictimEvidence("victim-b", 1800, 300, 0.88)), 30, MINUTE.plusSeconds(90));

    @Test
    void shouldTellAVictimHowMuchItWasSlowedWithoutNamingTheAntagonistOrTheOtherVictims() throws Exception {
        AffectedView view = AffectedView.of(FINDING, "victim-a").orElseThrow();

        String json = Json.mapper().writeValueAsString(view);
        assertThat(view.p95Ms()).isEqualTo(2400);
        assertThat(view.baselineP95Ms()).isEqualTo(400);
        assertThat(view.windowStart()).isEqualTo(MINUTE);
        assertThat(json).doesNotContain("noisy-venue", "victim-b", "9000");
    }

    @Test
    void shouldShowNothingToTheAntagonistOrToATenantThatWasNotHurt() {
        assertThat(AffectedView.of(FINDING, "noisy-venue")).isEmpty();
        assertThat(AffectedView.of(FINDING, "bystander")).isEmpty();
    }
}

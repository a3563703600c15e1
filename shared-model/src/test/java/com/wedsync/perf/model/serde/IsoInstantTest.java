package com.wedsync.perf.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void shouldReadEveryInstantAsInstantWritesIt() {
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(Instant.parse("1000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            assertThat(IsoInstant.parseOrNull(instant.toString())).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2000-02-29T12:00:00.5Z", "2026-06-13T14:05:09.123Z",
        "2026-12-31T23:59:59.999999999Z", "2026-06-13T14:05:09.12Z"})
    void shouldAgreeWithInstantParse(String text) {
        assertThat(IsoInstant.parseOrNull(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-06-13T24:00:00Z", "2026-06-13T14:60:00Z",
        "2026-06-13T14:05:60Z", "2026-06-13 14:05:09Z", "2026-06-13T14:05:09+01:00", "+12026-06-13T14:05:09Z",
        "2026-06-13T14:05:09.1234567890Z", "2026-06-13T14:05:09.Z", "2026-06-13T14:05:09.12a4Z", "2026-13-13T14:05:09Z",
        "2026-6-13T14:05:09Z", "2026-06-13T14:05:09z", ""})
    void shouldLeaveEveryOtherFormToTheGeneralParser(String text) {
        assertThat(IsoInstant.parseOrNull(text)).isNull();
    }

    @Test
    void shouldStillReadOtherFormsAndRejectImpossibleDatesThroughTheMapper() throws Exception {
        assertThat(Json.mapper().readValue("\"2026-06-13T14:05:09+01:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-06-13T13:05:09Z"));
        assertThat(Json.mapper().readValue("1781359509", Instant.class)).isEqualTo(Instant.ofEpochSecond(1_781_359_509));
        assertThatThrownBy(() -> Json.mapper().readValue("\"2026-02-30T00:00:00Z\"", Instant.class))
                .isInstanceOf(JsonMappingException.class);
    }
}

package com.wedsync.perf.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final Instant AT = Instant.parse("2026-06-13T14:00:00Z");

    @Test
    void shouldKeepATextPayloadAsTextAndGiveBackItsBytes() {
        byte[] value = "{\"value\":-1}".getBytes(StandardCharsets.UTF_8);

        DeadLetter letter = DeadLetter.of("aggregation-streams", "perf.rum.v1", 3, 17, "k".getBytes(StandardCharsets.UTF_8),
                value, "value must be >= 0", AT);

        assertThat(letter.value()).isEqualTo("{\"value\":-1}");
        assertThat(letter.valueBase64()).isFalse();
        assertThat(letter.key()).isEqualTo("k");
        assertThat(letter.valueBytes()).isEqualTo(value);
        assertThat(letter.partition()).isEqualTo(3);
        assertThat(letter.offset()).isEqualTo(17);
    }

    @Test
    void shouldKeepBinaryPayloadsAsBase64SoThatNoByteIsLost() {
        byte[] value = {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3};

        DeadLetter letter = DeadLetter.of("gate-service", "perf.trends.v1", 0, 5, null, value, "not JSON", AT);

        assertThat(letter.valueBase64()).isTrue();
        assertThat(letter.valueBytes()).isEqualTo(value);
        assertThat(letter.key()).isNull();
        assertThat(letter.keyBase64()).isFalse();
    }

    @Test
    void shouldKeepTheReasonToOneBoundedLine() {
        String reason = "first line\n  second line\r\n" + "x".repeat(2000);

        DeadLetter letter = DeadLetter.of("alerting-service", "perf.trends.v1", 0, 5, null, null, reason, AT);

        assertThat(letter.reason()).startsWith("first line second line x").doesNotContain("\n")
                .hasSize(DeadLetter.MAX_REASON);
        assertThat(letter.value()).isNull();
    }
}

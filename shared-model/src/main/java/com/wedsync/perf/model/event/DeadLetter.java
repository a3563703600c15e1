package com.wedsync.perf.model.event;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A record that a consumer could not use, kept with where it came from and why, so that nothing is dropped
 * silently and the bytes can be looked at (and replayed once fixed). Keyed on its topic by the source topic.
 *
 * @param consumer the service that gave up on it ({@code aggregation-streams}, {@code alerting-service}, …)
 * @param key the record's key as text, or base64 when it is not UTF-8 ({@code keyBase64}); null when it had none
 * @param value the record's value likewise ({@code valueBase64}); null for a tombstone
 * @param reason why it could not be used, in one line
 */
public record DeadLetter(
        String sourceTopic,
        int partition,
        long offset,
        String consumer,
        String reason,
        String key,
        boolean keyBase64,
        String value,
        boolean valueBase64,
        Instant deadAt) {

    /** Reasons are one line and bounded: they end up in logs and on a topic. */
    static final int MAX_REASON = 500;

    public DeadLetter {
        Require.text(sourceTopic, "sourceTopic");
        Require.text(consumer, "consumer");
        Require.text(reason, "reason");
        Require.present(deadAt, "deadAt");
        reason = oneLine(reason);
    }

    public static DeadLetter of(String consumer, String topic, int partition, long offset, byte[] key, byte[] value,
                                String reason, Instant at) {
        return new DeadLetter(topic, partition, offset, consumer, reason == null ? "unknown" : reason,
                text(key), !isUtf8(key), text(value), !isUtf8(value), at);
    }

    /** The value's bytes as they were on the source topic. */
    public byte[] valueBytes() {
        if (value == null) {
            return null;
        }
        return valueBase64 ? Base64.getDecoder().decode(value) : value.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        return isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean isUtf8(byte[] bytes) {
        if (bytes == null) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String oneLine(String reason) {
        String line = reason.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
    }
}

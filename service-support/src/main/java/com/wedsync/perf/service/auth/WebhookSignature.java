package com.wedsync.perf.service.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures, HMAC-SHA256 with the shared secret as {@code sha256=<hex>}. The platform's own
 * ({@value #HEADER}) signs the send time with the body — {@code <unix seconds>.<body>}, the time sent as
 * {@value #TIMESTAMP_HEADER} — and a receiver refuses one more than {@link #MAX_AGE} away from its clock, so a captured
 * delivery cannot be replayed later even where delivery ids are not remembered. GitHub's {@code X-Hub-Signature-256}
 * signs the body alone ({@link #of}/{@link #verify}); there the delivery id is the only guard against a replay.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-WedSync-Signature";
    public static final String TIMESTAMP_HEADER = "X-WedSync-Timestamp";
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** How a timed signature checked out. */
    public enum Check { VALID, MISSING_TIMESTAMP, TOO_OLD, MISMATCH }

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The timed signature of a body sent at {@code epochSeconds}: what goes in {@value #HEADER}. */
    public static String timed(String secret, long epochSeconds, byte[] body) {
        byte[] prefix = (epochSeconds + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return of(secret, signed);
    }

    /** Checks a timed signature: the timestamp within {@link #MAX_AGE} of {@code now}, then the HMAC in constant time. */
    public static Check verifyTimed(String secret, String timestamp, byte[] body, String presented, Instant now) {
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            return Check.MISSING_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - sentAt) > MAX_AGE.toSeconds()) {
            return Check.TOO_OLD;
        }
        return matches(timed(secret, sentAt, body), presented) ? Check.VALID : Check.MISMATCH;
    }

    /** Whether {@code presented} is the signature of {@code body}, compared in constant time. */
    public static boolean verify(String secret, byte[] body, String presented) {
        return secret != null && matches(of(secret, body), presented);
    }

    private static boolean matches(String expected, String presented) {
        return presented != null && java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}

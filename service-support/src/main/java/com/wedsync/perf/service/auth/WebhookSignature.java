package com.wedsync.perf.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a webhook body with the shared secret, sent as {@value #HEADER}: {@code sha256=<hex>} (the scheme
 * GitHub uses for {@code X-Hub-Signature-256}, so the same check verifies both).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-WedSync-Signature";

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

    /** Whether {@code presented} is the signature of {@code body}, compared in constant time. */
    public static boolean verify(String secret, byte[] body, String presented) {
        if (presented == null || secret == null) {
            return false;
        }
        byte[] expected = of(secret, body).getBytes(StandardCharsets.US_ASCII);
        return java.security.MessageDigest.isEqual(expected, presented.strip().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }
}

package com.wedsync.perf.service.secret;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts the secrets a service stores (Slack and webhook URLs, webhook secrets, GitHub tokens) with AES-256-GCM
 * under the keys of {@code PERF_SECRETS_KEY}: {@code <id>:<base64 of 32 bytes>}, comma-separated, the first one
 * encrypting and all of them decrypting — so a key is rotated by putting the new one first and dropping the old one
 * once every row was written again. A stored value reads {@code enc:v1:<key id>:<base64 of nonce and ciphertext>};
 * the row it belongs to ({@code context}) is authenticated with it, so a ciphertext copied to another row does not
 * decrypt. Values stored before encryption (no prefix) are read as they are, until they are written again.
 */
@ApplicationScoped
public class SecretBox {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(@ConfigProperty(name = "perf.secrets.key") Optional<String> configured) {
        String spec = configured.map(String::strip).orElse("");
        if (spec.isEmpty()) {
            throw new IllegalStateException("PERF_SECRETS_KEY is not set: it encrypts the secrets this service stores "
                    + "(generate one with: echo \"k1:$(openssl rand -base64 32)\"); ./platform up makes one for you");
        }
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split(":", 2);
            byte[] key;
            try {
                key = parts.length == 2 ? Base64.getDecoder().decode(parts[1].strip()) : new byte[0];
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (parts.length != 2 || parts[0].isBlank() || !parts[0].matches("[A-Za-z0-9_-]{1,16}") || key.length != 32) {
                throw new IllegalStateException("PERF_SECRETS_KEY: each key is <id>:<base64 of 32 bytes>, "
                        + "comma-separated, the newest first (key " + (keys.size() + 1) + " is not)");
            }
            keys.put(parts[0], new SecretKeySpec(key, "AES"));
        }
        currentKeyId = keys.keySet().iterator().next();
    }

    /** The stored form of a secret of this row ({@code context}, e.g. {@code notification_targets.webhook_url/tenant-a}). */
    public String seal(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret a stored value holds; a value stored before encryption is returned as it is. */
    public String open(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", 2);
        SecretKeySpec key = parts.length == 2 ? keys.get(parts[0]) : null;
        if (key == null) {
            throw new IllegalStateException("a stored secret is encrypted with key '" + (parts.length == 2 ? parts[0] : "?")
                    + "', which PERF_SECRETS_KEY no longer holds");
        }
        try {
            byte[] all = Base64.getDecoder().decode(parts[1]);
            byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret does not decrypt for " + context
                    + " (altered, or moved from another row)", e);
        }
    }

    /** Which key encrypts: its id (never the key). Calling it makes sure the key was read and is usable. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** Whether a stored value is encrypted under the current key (else it is due to be written again). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(PREFIX + currentKeyId + ":");
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

package com.wedsync.perf.service.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String URL = "https://hooks.slack.com/services/T0/B0/secret";

    @Test
    void shouldStoreCiphertextThatOnlyItsRowAndKeyOpen() {
        SecretBox box = new SecretBox(Optional.of(K1));
        String sealed = box.seal(URL, "targets/tenant-a");
        assertThat(sealed).startsWith("enc:v1:k1:").doesNotContain("hooks.slack.com");
        assertThat(box.seal(URL, "targets/tenant-a")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "targets/tenant-a")).isEqualTo(URL);
        assertThatThrownBy(() -> box.open(sealed, "targets/tenant-b")).as("copied to another row")
                .hasMessageContaining("does not decrypt");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.open(tampered, "targets/tenant-a")).hasMessageContaining("does not decrypt");
        assertThat(box.open("https://legacy.example/plain", "x")).as("stored before encryption").isEqualTo("https://legacy.example/plain");
    }

    @Test
    void shouldRotateKeys() {
        String old = new SecretBox(Optional.of(K1)).seal(URL, "c");
        SecretBox rotated = new SecretBox(Optional.of(K2 + "," + K1));
        assertThat(rotated.open(old, "c")).isEqualTo(URL);
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.seal(URL, "c")).startsWith("enc:v1:k2:");
        assertThatThrownBy(() -> new SecretBox(Optional.of(K2)).open(old, "c")).hasMessageContaining("no longer holds");
    }

    @Test
    void shouldRefuseToStartWithoutAUsableKey() {
        assertThatThrownBy(() -> new SecretBox(Optional.empty())).hasMessageContaining("PERF_SECRETS_KEY is not set");
        assertThatThrownBy(() -> new SecretBox(Optional.of("k1:c2hvcnQ="))).hasMessageContaining("32 bytes");
    }
}

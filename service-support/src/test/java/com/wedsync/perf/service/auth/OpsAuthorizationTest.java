package com.wedsync.perf.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpsAuthorizationTest {

    @Test
    void shouldRefuseToStartWithAnOpsTokenShorterThan32Characters() {
        assertThatThrownBy(() -> new OpsAuthorization(Optional.of("changeme")).refuseAWeakToken(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32")
                .hasMessageNotContaining("changeme");
        assertThatCode(() -> new OpsAuthorization(Optional.of("x".repeat(32))).refuseAWeakToken(null)).doesNotThrowAnyException();
        assertThatCode(() -> new OpsAuthorization(Optional.empty()).refuseAWeakToken(null)).as("no token: admin closed")
                .doesNotThrowAnyException();
    }

    @Test
    void shouldAdmitOnlyTheOpsToken() {
        OpsAuthorization ops = new OpsAuthorization(Optional.of("o".repeat(40)));
        assertThat(ops.isOps("Bearer " + "o".repeat(40))).isTrue();
        assertThat(ops.isOps("Bearer " + "o".repeat(39))).isFalse();
        assertThatThrownBy(() -> ops.isOps(null)).as("no header at all").hasMessageContaining("header is required");
    }
}

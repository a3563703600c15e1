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
        assertThat(ops.resolve("o".repeat(40))).hasValueSatisfying(caller -> assertThat(caller.isOps()).isTrue());
        assertThat(ops.resolve("o".repeat(39))).isEmpty();
        assertThat(new OpsAuthorization(Optional.empty()).resolve("")).as("none configured: nobody is ops").isEmpty();
    }
}

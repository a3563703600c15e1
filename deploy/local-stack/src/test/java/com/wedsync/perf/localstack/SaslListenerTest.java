package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The test stack's SASL_PLAINTEXT listener admits the services' user and nobody without its password. */
@DisabledIfSystemProperty(named = "perf.stack", matches = "docker",
        disabledReason = "Testcontainers' Kafka has no SASL listener; the embedded broker has one")
class SaslListenerTest {

    @Test
    void shouldAdmitAClientWithTheStandardSaslSettings() throws Exception {
        try (Admin admin = Admin.create(new HashMap<>(LocalStack.shared().saslClientSettings()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("perf.tenants.v1");
        }
    }

    @Test
    void shouldRefuseAWrongPassword() {
        Map<String, Object> settings = new HashMap<>(LocalStack.shared().saslClientSettings());
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + BrokerConfig.SASL_USER + "\" password=\"guessed\";");
        settings.put("request.timeout.ms", 5_000);
        settings.put("default.api.timeout.ms", 10_000);
        try (Admin admin = Admin.create(settings)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }
}

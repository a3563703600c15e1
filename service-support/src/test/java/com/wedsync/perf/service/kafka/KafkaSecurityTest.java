package com.wedsync.perf.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The security settings reach hand-built clients from configuration (system properties here, env in production). */
class KafkaSecurityTest {

    @AfterEach
    void clear() {
        System.clearProperty("kafka.security.protocol");
        System.clearProperty("kafka.sasl.mechanism");
        System.clearProperty("kafka.sasl.jaas.config");
    }

    @Test
    void shouldAddTheConfiguredSecuritySettingsUnderAClientsOwn() {
        assertThat(KafkaSecurity.with(Map.of("bootstrap.servers", "b:9093"))).as("none configured: plaintext")
                .containsOnlyKeys("bootstrap.servers");

        System.setProperty("kafka.security.protocol", "SASL_SSL");
        System.setProperty("kafka.sasl.mechanism", "SCRAM-SHA-512");
        System.setProperty("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        Map<String, Object> settings = KafkaSecurity.with(Map.of("bootstrap.servers", "b:9093", "client.id", "x"));

        assertThat(settings).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config").containsEntry("client.id", "x");
    }
}

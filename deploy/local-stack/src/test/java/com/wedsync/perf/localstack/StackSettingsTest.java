package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void shouldStartEverythingOnWellKnownPortsForThePlatformWhenNothingIsConfigured() {
        StackSettings settings = StackSettings.forPlatform(Map.of());

        assertThat(settings.existingKafka()).isEmpty();
        assertThat(settings.existingJdbc()).isEmpty();
        assertThat(settings.persistent()).isTrue();
        assertThat(settings.dataDir()).isEqualTo(Path.of(".local").toAbsolutePath());
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.postgresPort()).isEqualTo(5432);
    }

    @Test
    void shouldUseFreePortsAndThrowAwayDataForTests() {
        StackSettings settings = StackSettings.forTests(Map.of(), Path.of("/tmp/x"));

        assertThat(settings.persistent()).isFalse();
        assertThat(settings.kafkaPort()).isZero();
        assertThat(settings.controllerPort()).isZero();
        assertThat(settings.postgresPort()).isZero();
    }

    @Test
    void shouldTakeExistingServersAndPortsFromTheEnvironment() {
        StackSettings settings = StackSettings.forPlatform(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", " kafka-1:9092,kafka-2:9092 ",
                "PERF_JDBC_URL", "jdbc:postgresql://db.internal:5433/postgres?sslmode=require",
                "PERF_JDBC_USER", "perf",
                "PERF_JDBC_PASSWORD", "s3cret",
                "PERF_KAFKA_PORT", "19092",
                "PERF_DATA_DIR", "/var/lib/perf"));

        assertThat(settings.existingKafka()).contains("kafka-1:9092,kafka-2:9092");
        assertThat(settings.existingJdbc()).contains(new JdbcTarget(
                "jdbc:postgresql://db.internal:5433/postgres?sslmode=require", "perf", "s3cret"));
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/perf"));
    }

    @Test
    void shouldIgnoreBlankValues() {
        StackSettings settings = StackSettings.forPlatform(Map.of("KAFKA_BOOTSTRAP_SERVERS", " ", "PERF_JDBC_URL", ""));

        assertThat(settings.existingKafka()).isEmpty();
        assertThat(settings.existingJdbc()).isEmpty();
    }

    @Test
    void shouldNameTheVariableWhenAPortIsNotANumber() {
        assertThatThrownBy(() -> StackSettings.forPlatform(Map.of("PERF_POSTGRES_PORT", "fast")))
                .hasMessageContaining("PERF_POSTGRES_PORT=fast");
        assertThatThrownBy(() -> StackSettings.forPlatform(Map.of("PERF_KAFKA_PORT", "70000")))
                .hasMessageContaining("PERF_KAFKA_PORT");
    }

    @Test
    void shouldRejectAJdbcUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> StackSettings.forPlatform(Map.of("PERF_JDBC_URL", "jdbc:mysql://db/x")))
                .hasMessageContaining("not a PostgreSQL JDBC URL");
    }

    @Test
    void shouldPointAtAServicesDatabaseOnTheSameServerKeepingParameters() {
        JdbcTarget server = JdbcTarget.parse("jdbc:postgresql://db:5432/postgres?sslmode=require", "u", "p");

        assertThat(server.forDatabase("alerting").url()).isEqualTo("jdbc:postgresql://db:5432/alerting?sslmode=require");
        assertThat(JdbcTarget.parse("jdbc:postgresql://db:5432", "u", "p").forDatabase("gate").url())
                .isEqualTo("jdbc:postgresql://db:5432/gate");
    }

    @Test
    void shouldRefuseDatabaseNamesThatCouldInjectSql() {
        JdbcTarget server = JdbcTarget.parse("jdbc:postgresql://db:5432/postgres", "u", "p");

        assertThatThrownBy(() -> server.forDatabase("x; DROP DATABASE postgres")).hasMessageContaining("database name");
        assertThatThrownBy(() -> server.forDatabase("Alerting")).hasMessageContaining("lower-case");
    }
}

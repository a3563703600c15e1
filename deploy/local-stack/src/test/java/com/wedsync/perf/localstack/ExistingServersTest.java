package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.event.OperationKey;
import com.wedsync.perf.model.event.SampleEvents;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.topic.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExistingServersTest {

    @TempDir
    Path scratch;

    @Test
    void shouldUseConfiguredServersAndStartNothingOfItsOwn() throws Exception {
        LocalStack running = LocalStack.shared();
        Map<String, String> env = Map.of(
                StackSettings.KAFKA_BOOTSTRAP_SERVERS, running.bootstrapServers(),
                StackSettings.PERF_JDBC_URL, running.server().url(),
                StackSettings.PERF_JDBC_USER, running.server().user(),
                StackSettings.PERF_JDBC_PASSWORD, running.server().password());

        try (LocalStack existing = LocalStack.start(StackSettings.forTests(env, scratch))) {
            assertThat(existing.startedKafka()).isFalse();
            assertThat(existing.startedPostgres()).isFalse();
            assertThat(existing.bootstrapServers()).isEqualTo(running.bootstrapServers());
            assertThat(existing.createdTopics()).as("the registry's topics already exist there").isEmpty();
            assertThat(existing.brokerPid()).isEmpty();
            assertThat(scratch.resolve("kafka")).as("no broker data written").doesNotExist();
            assertThat(scratch.resolve("postgres")).as("no database files written").doesNotExist();

            JdbcTarget gate = existing.database("gate_check");
            try (Connection connection = DriverManager.getConnection(gate.url(), gate.user(), gate.password());
                 ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("gate_check");
            }
        }

        ServerTiming timing = SampleEvents.serverTiming();
        try (KafkaRoundTrip<OperationKey, ServerTiming> roundTrip = KafkaRoundTrip.on(running, Topics.SERVER_TIMINGS)) {
            roundTrip.send(timing.key(), timing);
            assertThat(roundTrip.readAll(1, Duration.ofSeconds(30)))
                    .as("closing a stack of existing servers leaves them running").containsExactly(timing);
        }
    }
}

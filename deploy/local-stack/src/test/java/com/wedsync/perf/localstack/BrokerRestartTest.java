package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.SampleEvents;
import com.wedsync.perf.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerRestartTest {

    @TempDir
    Path scratch;

    @Test
    void shouldRestartTheBrokerOnTheSameAddressWithItsData() {
        try (LocalStack stack = LocalStack.start(StackSettings.forTests(Map.of(), scratch))) {
            RumMetric before = SampleEvents.rumMetric();
            try (KafkaRoundTrip<RouteKey, RumMetric> roundTrip = KafkaRoundTrip.on(stack, Topics.RUM)) {
                roundTrip.send(before.key(), before);
            }
            String address = stack.bootstrapServers();
            long oldPid = stack.brokerPid().orElseThrow();

            stack.stopBroker();
            assertThat(ProcessHandle.of(oldPid)).isEmpty();
            stack.startBroker();

            assertThat(stack.bootstrapServers()).isEqualTo(address);
            assertThat(stack.brokerPid()).isNotEqualTo(java.util.Optional.of(oldPid));
            try (KafkaRoundTrip<RouteKey, RumMetric> roundTrip = KafkaRoundTrip.on(stack, Topics.RUM)) {
                RumMetric after = SampleEvents.rumMetric();
                roundTrip.send(after.key(), after);
                assertThat(roundTrip.readAll(1, Duration.ofSeconds(30))).containsExactly(after);
            }
        }
    }

    @Test
    void shouldRefuseToStopAKafkaItDidNotStart() {
        LocalStack shared = LocalStack.shared();
        Map<String, String> env = Map.of(StackSettings.KAFKA_BOOTSTRAP_SERVERS, shared.bootstrapServers(),
                StackSettings.PERF_JDBC_URL, shared.server().url());
        try (LocalStack existing = LocalStack.start(StackSettings.forTests(env, scratch))) {
            assertThatThrownBy(existing::stopBroker).hasMessageContaining("existing Kafka");
        }
    }
}

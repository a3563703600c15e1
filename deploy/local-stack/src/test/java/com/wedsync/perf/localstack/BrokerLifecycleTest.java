package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldLeaveNoBrokerProcessBehindWhenTheProcessThatStartedItDies() throws Exception {
        Process standInParent = new ProcessBuilder("sleep", "120").start();
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(dataDir, 0, 0, standInParent.pid());
        try {
            assertThat(broker.isAlive()).isTrue();

            standInParent.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(60)).until(() -> !broker.isAlive());
            assertThat(ProcessHandle.of(broker.pid())).isEmpty();
        } finally {
            broker.close();
        }
    }

    @Test
    void shouldStopTheBrokerProcessOnClose() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(dataDir, 0, 0);
        long pid = broker.pid();

        broker.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isEmpty();
        broker.close();
    }

    @Test
    void shouldSayWhichPortIsTakenInsteadOfStartingABrokerThatCannotBind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KafkaBrokerProcess.start(dataDir, taken.getLocalPort(), 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }
}

package com.wedsync.perf.launcher;

import com.wedsync.perf.localstack.DatabaseProvisioner;
import com.wedsync.perf.localstack.JdbcTarget;
import com.wedsync.perf.localstack.SignalDisposition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformMainTest {

    private static final int TOPICS = com.wedsync.perf.model.topic.Topics.all().size();

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void shouldStopEverythingOnTermAndKeepDataForTheNextRun() throws Exception {
        Map<String, String> ports = RunningMain.freePorts();
        JdbcTarget database;

        try (RunningMain first = RunningMain.start(dataDir, ports)) {
            Map<String, String> env = first.awaitReady(STARTUP);
            assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "PERF_JDBC_URL", "PERF_OPS_TOKEN");
            assertThat(env.get("PERF_OPS_TOKEN")).startsWith("ops_").hasSizeGreaterThanOrEqualTo(32);
            assertThat(java.nio.file.Files.getPosixFilePermissions(first.envFile())).as("the env file holds the ops token")
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThat(first.output()).contains(TOPICS + " in the registry, " + TOPICS + " created now", "Ctrl-C stops everything");
            ProcessHandle broker = first.brokerProcess().orElseThrow();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.get("KAFKA_BOOTSTRAP_SERVERS")))) {
                assertThat(admin.listTopics().names().get()).contains("perf.rum.v1", "perf.tenants.v1");
            }
            database = DatabaseProvisioner.ensureDatabase(JdbcTarget.parse(env.get("PERF_JDBC_URL"),
                    env.get("PERF_JDBC_USER"), env.get("PERF_JDBC_PASSWORD")), "persist_check");
            execute(database, "CREATE TABLE weddings_seen (id int); INSERT INTO weddings_seen VALUES (2041)");

            first.stopWith("TERM", SHUTDOWN);

            assertStopped(first, broker, ports.get("PERF_POSTGRES_PORT"));
        }

        try (RunningMain second = RunningMain.start(dataDir, ports)) {
            second.awaitReady(STARTUP);
            assertThat(second.output()).contains(TOPICS + " in the registry, 0 created now");
            assertThat(queryInt(database, "SELECT id FROM weddings_seen")).isEqualTo(2041);
        }
    }

    @Test
    void shouldStopEverythingOnCtrlC() throws Exception {
        assumeFalse(SignalDisposition.isIgnored(2), "SIGINT is ignored by this JVM (it was started in the background), "
                + "so no JVM it starts can receive Ctrl-C; the SIGTERM test covers the shutdown path");
        Map<String, String> ports = RunningMain.freePorts();
        try (RunningMain main = RunningMain.start(dataDir, ports)) {
            main.awaitReady(STARTUP);
            ProcessHandle broker = main.brokerProcess().orElseThrow();

            main.stopWith("INT", SHUTDOWN);

            assertStopped(main, broker, ports.get("PERF_POSTGRES_PORT"));
        }
    }

    @Test
    void shouldRecoverAfterThePlatformWasKilledOutright() throws Exception {
        Map<String, String> ports = RunningMain.freePorts();
        try (RunningMain killed = RunningMain.start(dataDir, ports)) {
            killed.awaitReady(STARTUP);
            ProcessHandle broker = killed.brokerProcess().orElseThrow();

            killed.stopWith("KILL", SHUTDOWN);

            await("the broker notices its parent is gone").atMost(Duration.ofSeconds(60)).until(() -> !broker.isAlive());
            assertThat(killed.envFile()).as("nobody removed it").exists();
        }

        try (RunningMain next = RunningMain.start(dataDir, ports)) {
            next.awaitReady(STARTUP);
            assertThat(next.output()).contains("Stopping PostgreSQL left running by an earlier run");
            assertThat(next.envFile()).exists();
        }
    }

    @Test
    void shouldStartFromScratchWithFresh() throws Exception {
        Map<String, String> ports = RunningMain.freePorts();
        try (RunningMain first = RunningMain.start(dataDir, ports)) {
            first.awaitReady(STARTUP);
            first.stopWith("TERM", SHUTDOWN);
        }
        Path staleState = Files.createDirectories(dataDir.resolve("kafka-streams")).resolve("stale-task-state");
        Files.writeString(staleState, "state of topics --fresh deletes");

        try (RunningMain fresh = RunningMain.start(dataDir, ports, "--fresh")) {
            fresh.awaitReady(STARTUP);
            assertThat(fresh.output()).contains("--fresh", TOPICS + " created now");
            assertThat(staleState).as("Kafka Streams state goes with the topics").doesNotExist();
        }
    }

    private static void assertStopped(RunningMain main, ProcessHandle broker, String postgresPort) {
        assertThat(main.envFile()).as("the env file is removed on stop").doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> !broker.isAlive());
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(postgresPort)).close())
                .as("PostgreSQL no longer listens").isInstanceOf(java.io.IOException.class);
    }

    private static void execute(JdbcTarget target, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password())) {
            connection.createStatement().execute(sql);
        }
    }

    private static int queryInt(JdbcTarget target, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}

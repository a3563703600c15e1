package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackMainTest {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void shouldStopEverythingOnCtrlCOrTermAndKeepDataForTheNextRun() throws Exception {
        Map<String, String> ports = RunningMain.freePorts();

        try (RunningMain first = RunningMain.start(dataDir, ports)) {
            Map<String, String> env = first.awaitReady(STARTUP);
            assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "PERF_JDBC_URL", "PERF_OPS_TOKEN");
            assertThat(env.get("PERF_OPS_TOKEN")).startsWith("ops_").hasSizeGreaterThan(20);
            assertThat(first.output()).contains("10 in the registry, 10 created now", "Ctrl-C stops everything");
            ProcessHandle broker = first.brokerProcess().orElseThrow();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.get("KAFKA_BOOTSTRAP_SERVERS")))) {
                assertThat(admin.listTopics().names().get()).contains("perf.rum.v1", "perf.tenants.v1");
            }
            JdbcTarget server = JdbcTarget.parse(env.get("PERF_JDBC_URL"), env.get("PERF_JDBC_USER"), env.get("PERF_JDBC_PASSWORD"));
            JdbcTarget database = DatabaseProvisioner.ensureDatabase(server, "persist_check");
            execute(database, "CREATE TABLE weddings_seen (id int); INSERT INTO weddings_seen VALUES (2041)");

            first.stopWith("INT", SHUTDOWN);

            assertStopped(first, broker, ports.get("PERF_POSTGRES_PORT"));
        }

        try (RunningMain second = RunningMain.start(dataDir, ports)) {
            Map<String, String> env = second.awaitReady(STARTUP);
            assertThat(second.output()).contains("10 in the registry, 0 created now");
            JdbcTarget kept = JdbcTarget.parse(env.get("PERF_JDBC_URL"), env.get("PERF_JDBC_USER"),
                    env.get("PERF_JDBC_PASSWORD")).forDatabase("persist_check");
            assertThat(queryInt(kept, "SELECT id FROM weddings_seen")).isEqualTo(2041);
            ProcessHandle broker = second.brokerProcess().orElseThrow();

            second.stopWith("TERM", SHUTDOWN);

            assertStopped(second, broker, ports.get("PERF_POSTGRES_PORT"));
        }
    }

    @Test
    void shouldStartFromScratchWithFresh() throws Exception {
        Map<String, String> ports = RunningMain.freePorts();
        try (RunningMain first = RunningMain.start(dataDir, ports)) {
            first.awaitReady(STARTUP);
            first.stopWith("TERM", SHUTDOWN);
        }

        try (RunningMain fresh = RunningMain.start(dataDir, ports, "--fresh")) {
            fresh.awaitReady(STARTUP);
            assertThat(fresh.output()).contains("--fresh", "10 created now");
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

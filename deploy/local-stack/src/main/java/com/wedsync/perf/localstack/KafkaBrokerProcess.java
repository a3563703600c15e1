package com.wedsync.perf.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker in a child JVM. A child process keeps the broker's Scala and logging
 * jars away from the caller's classpath, and a broker that dies cannot take the caller down with it.
 */
final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerConfig config;
    private final Process process;
    private final Path logFile;

    private KafkaBrokerProcess(BrokerConfig config, Process process, Path logFile) {
        this.config = config;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts the broker and returns once it answers a client; fails with the broker's own last words. */
    static KafkaBrokerProcess start(Path dataDir, int requestedPort, int requestedControllerPort) throws IOException {
        return start(dataDir, requestedPort, requestedControllerPort, BrokerConfig.NO_SASL, ProcessHandle.current().pid());
    }

    /** With a SASL_PLAINTEXT listener on {@code requestedSaslPort} (0: any free port; {@link BrokerConfig#NO_SASL}: none). */
    static KafkaBrokerProcess start(Path dataDir, int requestedPort, int requestedControllerPort, int requestedSaslPort)
            throws IOException {
        return start(dataDir, requestedPort, requestedControllerPort, requestedSaslPort, ProcessHandle.current().pid());
    }

    static KafkaBrokerProcess start(Path dataDir, int requestedPort, int requestedControllerPort, long watchedPid)
            throws IOException {
        return start(dataDir, requestedPort, requestedControllerPort, BrokerConfig.NO_SASL, watchedPid);
    }

    /** As {@link #start(Path, int, int, int)}, with the broker exiting when process {@code watchedPid} exits. */
    static KafkaBrokerProcess start(Path dataDir, int requestedPort, int requestedControllerPort, int requestedSaslPort,
                                    long watchedPid) throws IOException {
        int port = FreePorts.resolve(requestedPort, "the Kafka broker");
        int controllerPort = FreePorts.resolve(requestedControllerPort, "the Kafka controller");
        int saslPort = requestedSaslPort == BrokerConfig.NO_SASL ? BrokerConfig.NO_SASL
                : FreePorts.resolve(requestedSaslPort, "the Kafka broker's SASL listener");
        Path kafkaDir = Files.createDirectories(dataDir.resolve("kafka"));
        BrokerConfig config = new BrokerConfig(port, controllerPort, saslPort, kafkaDir.resolve("logs"));
        Path properties = config.write(kafkaDir.resolve("server.properties"));
        Path logFile = kafkaDir.resolve("broker.log");

        ProcessBuilder builder = new ProcessBuilder(List.of(
                OwnClasspath.javaExecutable(), "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-cp", OwnClasspath.get(),
                BrokerMain.class.getName(), properties.toString(), config.logDir().toString(),
                Uuid.randomUuid().toString(), Long.toString(watchedPid)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        KafkaBrokerProcess broker = new KafkaBrokerProcess(config, builder.start(), logFile);
        try {
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    String bootstrapServers() {
        return config.bootstrapServers();
    }

    BrokerConfig config() {
        return config;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(adminConfig)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                            + " while starting; its log " + logFile + " ends with:\n" + ChildProcesses.tail(logFile));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    sleep(Duration.ofMillis(250));
                }
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer on " + bootstrapServers() + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s; its log " + logFile + " ends with:\n" + ChildProcesses.tail(logFile));
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, SHUTDOWN_TIMEOUT);
    }


    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}

package com.wedsync.perf.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack should run, read from environment variables. When {@code KAFKA_BOOTSTRAP_SERVERS} or
 * {@code PERF_JDBC_URL} is given, that server is used and nothing is started in its place.
 *
 * @param existingKafka bootstrap servers of a Kafka to use instead of starting one
 * @param existingJdbc an existing PostgreSQL to use instead of starting one
 * @param dataDir where embedded servers keep their data
 * @param persistent keep data between runs (./platform up) rather than deleting it on close (tests)
 * @param kafkaPort the embedded broker's client port, 0 for any free port
 * @param controllerPort the embedded broker's KRaft controller port, 0 for any free port
 * @param postgresPort the embedded PostgreSQL's port, 0 for any free port
 * @param saslPort the embedded broker's SASL_PLAINTEXT listener, 0 for any free port, -1 for none
 */
public record StackSettings(
        Optional<String> existingKafka,
        Optional<JdbcTarget> existingJdbc,
        Path dataDir,
        boolean persistent,
        int kafkaPort,
        int controllerPort,
        int postgresPort,
        int saslPort) {

    /** {@code docker} (set by {@code -Pdocker}): the tests' stack runs Kafka and PostgreSQL in Testcontainers. */
    public static final String STACK_PROPERTY = "perf.stack";

    /** Whether the tests were asked to run on containers ({@code -Pdocker}). */
    public static boolean containersRequested() {
        return "docker".equals(System.getProperty(STACK_PROPERTY));
    }

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String PERF_JDBC_URL = "PERF_JDBC_URL";
    public static final String PERF_JDBC_USER = "PERF_JDBC_USER";
    public static final String PERF_JDBC_PASSWORD = "PERF_JDBC_PASSWORD";
    public static final String PERF_DATA_DIR = "PERF_DATA_DIR";
    public static final String PERF_KAFKA_PORT = "PERF_KAFKA_PORT";
    public static final String PERF_KAFKA_CONTROLLER_PORT = "PERF_KAFKA_CONTROLLER_PORT";
    public static final String PERF_POSTGRES_PORT = "PERF_POSTGRES_PORT";

    /** For tests: existing servers when configured, otherwise throw-away servers on free ports. */
    public static StackSettings forTests(Map<String, String> env, Path scratchDir) {
        return new StackSettings(existingKafka(env), existingJdbc(env), scratchDir, false, 0, 0, 0, 0);
    }

    /** For ./platform up: well-known ports and data kept under {@code .local/} between runs. */
    public static StackSettings forPlatform(Map<String, String> env) {
        return new StackSettings(existingKafka(env), existingJdbc(env),
                Path.of(env.getOrDefault(PERF_DATA_DIR, ".local")).toAbsolutePath(), true,
                port(env, PERF_KAFKA_PORT, 9092), port(env, PERF_KAFKA_CONTROLLER_PORT, 9093),
                port(env, PERF_POSTGRES_PORT, 5432), BrokerConfig.NO_SASL);
    }

    private static Optional<String> existingKafka(Map<String, String> env) {
        return Optional.ofNullable(env.get(KAFKA_BOOTSTRAP_SERVERS)).filter(v -> !v.isBlank()).map(String::strip);
    }

    private static Optional<JdbcTarget> existingJdbc(Map<String, String> env) {
        return Optional.ofNullable(env.get(PERF_JDBC_URL)).filter(v -> !v.isBlank())
                .map(url -> JdbcTarget.parse(url.strip(), env.getOrDefault(PERF_JDBC_USER, "postgres"),
                        env.getOrDefault(PERF_JDBC_PASSWORD, "postgres")));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a port number (0-65535)");
        }
    }
}

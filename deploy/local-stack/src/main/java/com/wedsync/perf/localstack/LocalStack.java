package com.wedsync.perf.localstack;

import com.wedsync.perf.model.topic.TopicProvisioner;
import com.wedsync.perf.model.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Kafka and PostgreSQL for the platform: existing servers when configured, otherwise a real KRaft broker and a
 * real PostgreSQL started here. Creates the registry's topics, and a database for each service that asks.
 * Tests share one instance per JVM through {@link #shared()}.
 */
public final class LocalStack implements AutoCloseable {

    private static final int START_ATTEMPTS = 3;

    private static LocalStack shared;

    private final StackSettings settings;
    private KafkaBrokerProcess broker;
    private EmbeddedPostgresServer postgres;
    private ContainerStack containers;
    private final String bootstrapServers;
    private final JdbcTarget server;
    private final List<String> createdTopics;
    private boolean closed;

    private LocalStack(StackSettings settings, KafkaBrokerProcess broker, EmbeddedPostgresServer postgres,
                       String bootstrapServers, JdbcTarget server, List<String> createdTopics) {
        this.settings = settings;
        this.broker = broker;
        this.postgres = postgres;
        this.bootstrapServers = bootstrapServers;
        this.server = server;
        this.createdTopics = createdTopics;
    }

    /** Starts what is not configured as existing, then creates the registry's topics. */
    public static LocalStack start(StackSettings settings) {
        KafkaBrokerProcess broker = null;
        EmbeddedPostgresServer postgres = null;
        try {
            Files.createDirectories(settings.dataDir());
            if (settings.existingKafka().isEmpty()) {
                broker = KafkaBrokerProcess.start(settings.dataDir(), settings.kafkaPort(), settings.controllerPort(),
                        settings.saslPort());
            }
            if (settings.existingJdbc().isEmpty()) {
                postgres = EmbeddedPostgresServer.start(settings.dataDir(), settings.postgresPort(), settings.persistent());
            }
            String bootstrap = broker != null ? broker.bootstrapServers() : settings.existingKafka().orElseThrow();
            JdbcTarget jdbc = postgres != null ? postgres.maintenanceDatabase() : settings.existingJdbc().orElseThrow();
            List<String> created = TopicProvisioner.ensureTopics(bootstrap, Topics.all());
            return new LocalStack(settings, broker, postgres, bootstrap, jdbc, created);
        } catch (IOException | RuntimeException e) {
            closeQuietly(postgres);
            closeQuietly(broker);
            throw e instanceof IOException io ? new UncheckedIOException("the local stack could not start", io)
                    : (RuntimeException) e;
        }
    }

    /**
     * The one stack of this JVM, started on first use and stopped when the JVM exits: every test class and every
     * Quarkus test resource in a test run shares it. Under {@code -Pdocker} its Kafka and PostgreSQL are containers.
     */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            try {
                Path scratch = Files.createTempDirectory("wedsync-perf-stack-");
                if (StackSettings.containersRequested()) {
                    ContainerStack containers = ContainerStack.start();
                    shared = start(StackSettings.forTests(containers.asExistingServers(System.getenv()), scratch));
                    shared.containers = containers;
                } else {
                    shared = startForTests(scratch);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no scratch directory for the local stack", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-stack-shutdown"));
        }
        return shared;
    }

    /**
     * Free ports are picked before the servers bind them, so another process may take one in between: a stack that
     * fails to start is started again on other ports, saying why, before the tests are given up.
     */
    private static LocalStack startForTests(Path firstScratch) throws IOException {
        Path scratch = firstScratch;
        for (int attempt = 1; ; attempt++) {
            try {
                return start(StackSettings.forTests(System.getenv(), scratch));
            } catch (RuntimeException e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
                System.err.println("[local-stack] start " + attempt + " of " + START_ATTEMPTS + " failed, trying again: "
                        + describe(e));
                scratch = Files.createTempDirectory("wedsync-perf-stack-");
            }
        }
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(cause);
        }
        return text.toString();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The standard Kafka client settings of the embedded broker's SASL_PLAINTEXT listener ({@code bootstrap.servers},
     * {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}); test stacks have one.
     */
    public synchronized Map<String, String> saslClientSettings() {
        BrokerConfig config = requireEmbeddedBroker().config();
        if (!config.hasSasl()) {
            throw new IllegalStateException("this stack's broker has no SASL listener (test stacks have one)");
        }
        return Map.of("bootstrap.servers", config.saslBootstrapServers(), "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN", "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule "
                        + "required username=\"" + BrokerConfig.SASL_USER + "\" password=\"" + BrokerConfig.SASL_PASSWORD + "\";");
    }

    /** The server's maintenance database. */
    public JdbcTarget server() {
        return server;
    }

    /** A service's own database, created on first request. */
    public JdbcTarget database(String name) {
        return DatabaseProvisioner.ensureDatabase(server, name);
    }

    /** Stops the embedded broker and keeps its data, as an outage would; for tests of what happens then. */
    public synchronized void stopBroker() {
        if (containers != null) {
            containers.pauseKafka();
            return;
        }
        requireEmbeddedBroker().close();
    }

    /** Starts the embedded broker again on the same ports, with the data it had. */
    public synchronized void startBroker() {
        if (containers != null) {
            containers.resumeKafka();
            return;
        }
        BrokerConfig config = requireEmbeddedBroker().config();
        try {
            broker = KafkaBrokerProcess.start(settings.dataDir(), config.port(), config.controllerPort(), config.saslPort());
        } catch (IOException e) {
            throw new UncheckedIOException("the Kafka broker could not start again", e);
        }
    }

    /** Stops the embedded PostgreSQL and keeps its data, as an outage would; for tests of what happens then. */
    public synchronized void stopPostgres() {
        if (containers != null) {
            containers.pausePostgres();
            return;
        }
        requireEmbeddedPostgres().close();
    }

    /** Starts the embedded PostgreSQL again on the same port, with every database it had. */
    public synchronized void startPostgres() {
        if (containers != null) {
            containers.resumePostgres();
            return;
        }
        int port = Integer.parseInt(server.url().replaceAll(".*:(\\d+)/.*", "$1"));
        requireEmbeddedPostgres();
        try {
            postgres = EmbeddedPostgresServer.start(settings.dataDir(), port, true);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL could not start again", e);
        }
    }

    private EmbeddedPostgresServer requireEmbeddedPostgres() {
        if (postgres == null) {
            throw new IllegalStateException("this stack uses an existing PostgreSQL; it cannot stop or start it");
        }
        return postgres;
    }

    private KafkaBrokerProcess requireEmbeddedBroker() {
        if (broker == null) {
            throw new IllegalStateException("this stack uses an existing Kafka; it cannot stop or start it");
        }
        return broker;
    }

    public boolean startedKafka() {
        return broker != null;
    }

    public boolean startedPostgres() {
        return postgres != null;
    }

    /** The embedded broker's log, when this stack started the broker. */
    public Optional<Path> brokerLog() {
        return Optional.ofNullable(broker).map(KafkaBrokerProcess::logFile);
    }

    /** The embedded broker's process id, when this stack started the broker. */
    public Optional<Long> brokerPid() {
        return Optional.ofNullable(broker).map(KafkaBrokerProcess::pid);
    }

    /** Topics this start created (the others already existed). */
    public List<String> createdTopics() {
        return createdTopics;
    }

    /** Stops what this stack started; throw-away data is deleted, persistent data kept. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(postgres);
        closeQuietly(broker);
        closeQuietly(containers);
        if (!settings.persistent()) {
            deleteRecursively(settings.dataDir());
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("stopping " + closeable.getClass().getSimpleName() + " failed: " + e.getMessage());
        }
    }
}

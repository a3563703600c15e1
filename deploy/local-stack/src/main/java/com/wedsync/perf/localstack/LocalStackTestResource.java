package com.wedsync.perf.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a service's {@code @QuarkusTest} at the JVM's shared {@link LocalStack}: a real broker and, when the
 * {@code database} argument names one, the service's own PostgreSQL database. Dev Services stay off.
 *
 * <pre>{@code
 * @WithTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerting"))
 * }</pre>
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    /** {@code sasl}: the service connects to the broker's SASL_PLAINTEXT listener with Kafka's standard settings. */
    public static final String KAFKA_SECURITY_ARG = "kafka-security";

    private String database;
    private boolean sasl;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
        sasl = "sasl".equals(initArgs.get(KAFKA_SECURITY_ARG));
    }

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        config.put("quarkus.kafka-streams.bootstrap-servers", stack.bootstrapServers());
        // Each test JVM gets a fresh broker, so Kafka Streams state from an earlier run must not be found again.
        config.put("kafka-streams.state.dir", scratchDirectory("kafka-streams-state").toString());
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        if (sasl) {
            // as KAFKA_BOOTSTRAP_SERVERS, KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG would
            stack.saslClientSettings().forEach((key, value) -> config.put("kafka." + key, value));
            config.put("quarkus.kafka-streams.bootstrap-servers", config.get("kafka.bootstrap.servers"));
        }
        if (database != null && !database.isBlank()) {
            JdbcTarget target = stack.database(database);
            config.put("quarkus.datasource.jdbc.url", target.url());
            config.put("quarkus.datasource.username", target.user());
            config.put("quarkus.datasource.password", target.password());
        }
        return config;
    }

    private static Path scratchDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for " + prefix, e);
        }
    }

    @Override
    public void stop() {
        // The stack outlives any one test class; LocalStack.shared() stops it when the JVM exits.
    }
}

package com.wedsync.perf.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
    }

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        config.put("quarkus.kafka-streams.bootstrap-servers", stack.bootstrapServers());
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        if (database != null && !database.isBlank()) {
            JdbcTarget target = stack.database(database);
            config.put("quarkus.datasource.jdbc.url", target.url());
            config.put("quarkus.datasource.username", target.user());
            config.put("quarkus.datasource.password", target.password());
        }
        return config;
    }

    @Override
    public void stop() {
        // The stack outlives any one test class; LocalStack.shared() stops it when the JVM exits.
    }
}

package com.wedsync.perf.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A service of the platform as ./platform up runs it: where its built jar is, its port and the variable that
 * sets it, the name of its URL in the env file, its own PostgreSQL database (null when it needs none), and whether it
 * talks to Kafka (the ops console talks only to the other services).
 */
record PlatformService(String name, Path jar, String portVariable, int port, String urlVariable, String database,
                       boolean kafka) {

    /** The services, in start order. */
    static List<PlatformService> all(Map<String, String> env) {
        return List.of(quarkus("ingest-service", "INGEST_PORT", 8081, "INGEST_URL", null, true, env),
                quarkus("aggregation-streams", "AGGREGATION_PORT", 8082, "AGGREGATION_URL", null, true, env),
                quarkus("alerting-service", "ALERTING_PORT", 8083, "ALERTING_URL", "alerting", true, env),
                quarkus("scaling-service", "SCALING_PORT", 8084, "SCALING_URL", "scaling", true, env),
                quarkus("gate-service", "GATE_PORT", 8085, "GATE_URL", "gate", true, env),
                quarkus("ops-console", "CONSOLE_PORT", 8080, "CONSOLE_URL", null, false, env));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private static PlatformService quarkus(String name, String portVariable, int defaultPort, String urlVariable,
                                           String database, boolean kafka, Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault(portVariable, Integer.toString(defaultPort)));
        return new PlatformService(name, Path.of(name, "target", "quarkus-app", "quarkus-run.jar"), portVariable, port,
                urlVariable, database, kafka);
    }
}

package com.wedsync.perf.localstack;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The server.properties of a single-node KRaft broker that is its own controller, bound to loopback only; with a
 * {@code saslPort} also a SASL_PLAINTEXT listener (mechanism PLAIN, user {@value #SASL_USER}), so that tests can show
 * the services' clients authenticate with the standard Kafka security settings.
 */
record BrokerConfig(int port, int controllerPort, int saslPort, Path logDir) {

    static final String HOST = "127.0.0.1";
    static final int NO_SASL = -1;
    static final String SASL_USER = "perf-services";
    static final String SASL_PASSWORD = "perf-services-local-secret";

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    boolean hasSasl() {
        return saslPort != NO_SASL;
    }

    String saslBootstrapServers() {
        return HOST + ":" + saslPort;
    }

    Properties properties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        String sasl = hasSasl() ? ",SASL://" + saslBootstrapServers() : "";
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort + sasl);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + bootstrapServers() + sasl);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (hasSasl() ? ",SASL:SASL_PLAINTEXT" : ""));
        if (hasSasl()) {
            p.setProperty("sasl.enabled.mechanisms", "PLAIN");
            p.setProperty("listener.name.sasl.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule "
                    + "required user_" + SASL_USER + "=\"" + SASL_PASSWORD + "\";");
        }
        p.setProperty("log.dirs", logDir.toString());
        // One node: every internal topic has one replica, and transactions (exactly_once_v2) need min ISR 1.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The only replica of a partition is always the right leader: never leave a partition (or the transaction
        // log, which every exactly-once producer needs) without one after a broker that was killed outright.
        p.setProperty("unclean.leader.election.enable", "true");
        // A laptop's platform may stay stopped for weeks: keep the consumers' positions for 30 days (the default 7
        // would make every consumer start its inputs again from the beginning after a long break).
        p.setProperty("offsets.retention.minutes", Long.toString(java.time.Duration.ofDays(30).toMinutes()));
        // Topics come from the registry; a typo in a topic name should fail, not create a stray topic.
        p.setProperty("auto.create.topics.enable", "false");
        // Compact promptly so that compacted topics behave locally as they do in production, only sooner.
        p.setProperty("log.cleaner.backoff.ms", "1000");
        return p;
    }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            properties().store(out, "wedsync-perf local stack: single-node KRaft broker");
        }
        return file;
    }
}

package com.wedsync.perf.localstack;

import com.github.dockerjava.api.DockerClient;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and PostgreSQL from Testcontainers instead of the embedded ones, for people with Docker ({@code -Pdocker}, which
 * sets {@code perf.stack=docker} and puts Testcontainers on the test classpath). The same test classes run
 * against it: {@link LocalStack#shared()} treats the containers as existing servers. An outage is a paused container
 * (the ports stay, as a stopped embedded server's do). Not exercised by this project's CI, which has no Docker.
 * Only loaded when containers are asked for: without {@code -Pdocker} Testcontainers is not on the classpath.
 */
final class ContainerStack implements AutoCloseable {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private ContainerStack(KafkaContainer kafka, PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainerStack start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                .withDatabaseName("postgres").withUsername("postgres").withPassword("postgres");
        kafka.start();
        postgres.start();
        return new ContainerStack(kafka, postgres);
    }

    /** The environment {@link StackSettings} reads, with the containers as the existing servers. */
    Map<String, String> asExistingServers(Map<String, String> env) {
        Map<String, String> withContainers = new HashMap<>(env);
        withContainers.put(StackSettings.KAFKA_BOOTSTRAP_SERVERS, kafka.getBootstrapServers());
        withContainers.put(StackSettings.PERF_JDBC_URL, postgres.getJdbcUrl());
        withContainers.put(StackSettings.PERF_JDBC_USER, postgres.getUsername());
        withContainers.put(StackSettings.PERF_JDBC_PASSWORD, postgres.getPassword());
        return withContainers;
    }

    void pauseKafka() {
        docker().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    void resumeKafka() {
        resume(kafka);
    }

    void pausePostgres() {
        docker().pauseContainerCmd(postgres.getContainerId()).exec();
    }

    void resumePostgres() {
        resume(postgres);
    }

    private static void resume(GenericContainer<?> container) {
        docker().unpauseContainerCmd(container.getContainerId()).exec();
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    @Override
    public void close() {
        postgres.stop();
        kafka.stop();
    }
}

package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/** Docker cannot run here, so the compose file is checked as data: valid YAML, same servers and versions. */
class DockerComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("../../docker-compose.yml");

    @Test
    void shouldRunTheSameKafkaVersionInKraftModeAndPostgres17() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile()).path("services");

        assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText())
                .isEqualTo("broker,controller");
        assertThat(services.path("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText())
                .isEqualTo("false");
        assertThat(services.path("postgres").path("image").asText()).isEqualTo("postgres:17");
        assertThat(services.path("kafka").path("healthcheck").isMissingNode()).isFalse();
        assertThat(services.path("postgres").path("healthcheck").isMissingNode()).isFalse();
    }

    @Test
    void shouldRunIngestFromItsBuiltJarAgainstTheComposeBroker() throws Exception {
        JsonNode ingest = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile()).path("services").path("ingest");

        Path dockerfile = Path.of("../..", ingest.path("build").path("context").asText(),
                ingest.path("build").path("dockerfile").asText());
        assertThat(dockerfile).exists();
        assertThat(java.nio.file.Files.readString(dockerfile)).contains("target/quarkus-app", "quarkus-run.jar");
        assertThat(ingest.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:19092");
        assertThat(ingest.path("ports").get(0).asText()).isEqualTo("127.0.0.1:8081:8081");
    }
}

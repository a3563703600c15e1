package com.wedsync.perf.launcher;

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
    void shouldRunEveryPlatformServiceFromItsBuiltJarAgainstTheComposeBroker() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile()).path("services");
        for (PlatformService platformService : PlatformService.all(java.util.Map.of())) {
            JsonNode service = java.util.stream.StreamSupport.stream(services.spliterator(), false)
                    .filter(s -> s.path("build").path("context").asText().equals("./" + platformService.name()))
                    .findFirst().orElseThrow(() -> new AssertionError(platformService.name() + " is not in docker-compose.yml"));
            Path dockerfile = Path.of("../..", service.path("build").path("context").asText(),
                    service.path("build").path("dockerfile").asText());
            assertThat(dockerfile).exists();
            assertThat(java.nio.file.Files.readString(dockerfile)).contains("target/quarkus-app", "quarkus-run.jar",
                    "EXPOSE " + platformService.port());
            if (platformService.kafka()) {
                assertThat(service.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:19092");
            } else {
                assertThat(service.path("environment").has("KAFKA_BOOTSTRAP_SERVERS")).as(platformService.name()).isFalse();
            }
            assertThat(service.path("ports").get(0).asText())
                    .isEqualTo("127.0.0.1:" + platformService.port() + ":" + platformService.port());
            assertThat(service.path("healthcheck").path("test").get(1).asText()).as(platformService.name() + " health check")
                    .contains("/dev/tcp/127.0.0.1/" + platformService.port()).contains("GET /q/health/ready");
        }
    }
}

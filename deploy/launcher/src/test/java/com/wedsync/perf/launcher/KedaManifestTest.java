package com.wedsync.perf.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KEDA cannot run here, so its example is checked as data against the scaling service it points at. */
class KedaManifestTest {

    private static final Path MANIFEST = Path.of("../kubernetes/keda-scaledobject.yaml");

    @Test
    void shouldPointKedaAtTheScalingServicesKedaEndpointWithItsBounds() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(MANIFEST))) {
            yaml.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        JsonNode scaledObject = documents.stream().filter(d -> d.path("kind").asText().equals("ScaledObject")).findFirst().orElseThrow();
        JsonNode trigger = scaledObject.path("spec").path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("metrics-api");
        URI url = URI.create(trigger.path("metadata").path("url").asText().replace("*", "%2A"));
        PlatformService scaling = PlatformService.all(Map.of()).stream().filter(s -> s.name().equals("scaling-service")).findFirst().orElseThrow();
        assertThat(url.getPort()).isEqualTo(scaling.port());
        assertThat(url.getPath()).startsWith("/v1/keda/");
        assertThat(trigger.path("metadata").path("valueLocation").asText()).isEqualTo("instances");
        assertThat(trigger.path("metadata").path("authMode").asText()).isEqualTo("bearer");
        assertThat(scaledObject.path("spec").path("minReplicaCount").asInt()).isEqualTo(2);
        assertThat(scaledObject.path("spec").path("maxReplicaCount").asInt()).isEqualTo(10);
        String authName = trigger.path("authenticationRef").path("name").asText();
        assertThat(documents).anyMatch(d -> d.path("kind").asText().equals("TriggerAuthentication")
                && d.path("metadata").path("name").asText().equals(authName));
    }
}

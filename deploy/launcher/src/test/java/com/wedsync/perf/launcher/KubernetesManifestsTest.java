package com.wedsync.perf.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.model.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No cluster runs here, so deploy/kubernetes is checked as data against what the services really read: each
 * service's workload and Service on its port, probes on /q/health, only environment variables its
 * application.properties knows, its own database; the shared ConfigMap and Secret keys exist; the topics match the
 * registry.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("../kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @Test
    void shouldRunEveryServiceOnItsPortWithHealthProbesAndOnlyVariablesItReads() throws Exception {
        List<JsonNode> platform = documents(DIR.resolve("platform.yaml"));
        for (PlatformService service : PlatformService.all(Map.of())) {
            List<JsonNode> documents = documents(DIR.resolve(service.name() + ".yaml"));
            JsonNode workload = documents.stream().filter(d -> Set.of("Deployment", "StatefulSet").contains(d.path("kind").asText())
                    && d.path("metadata").path("name").asText().equals(service.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + service.name()));
            JsonNode container = workload.path("spec").path("template").path("spec").path("containers").get(0);
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).as(service.name()).isEqualTo(service.port());
            assertProbe(container.path("readinessProbe"), "/q/health/ready", service);
            assertProbe(container.path("livenessProbe"), "/q/health/live", service);

            Set<String> known = variables(Path.of("../..", service.name(), "src/main/resources/application.properties"));
            Map<String, JsonNode> env = new java.util.HashMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
            assertThat(env.get(service.portVariable()).path("value").asText()).isEqualTo(Integer.toString(service.port()));
            env.keySet().stream().filter(name -> !name.equals("POD_NAME")).forEach(name ->
                    assertThat(known).as(service.name() + " reads " + name).contains(name));
            if (service.database() != null) {
                assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText()).endsWith("/" + service.database());
            } else {
                assertThat(env).doesNotContainKey("QUARKUS_DATASOURCE_JDBC_URL");
            }
            env.values().forEach(e -> assertReferenceExists(e.path("valueFrom"), platform, service));

            JsonNode svc = documents.stream().filter(d -> d.path("kind").asText().equals("Service")
                    && d.path("metadata").path("name").asText().equals(service.name())).findFirst().orElseThrow();
            assertThat(svc.path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(service.port());
            assertThat(svc.path("spec").path("selector")).isEqualTo(workload.path("spec").path("selector").path("matchLabels"));
        }
    }

    @Test
    void shouldDefineEveryTopicOfTheRegistryAsTheRegistryDoes() throws Exception {
        List<JsonNode> topics = documents(DIR.resolve("topics.yaml"));
        assertThat(topics).hasSize(Topics.all().size());
        for (Topic<?, ?> topic : Topics.all()) {
            JsonNode spec = topics.stream().map(t -> t.path("spec")).filter(s -> s.path("topicName").asText().equals(topic.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic " + topic.name()));
            assertThat(spec.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.partitions());
            topic.configs().forEach((key, value) -> assertThat(spec.path("config").path(key).asText()).as(topic.name() + " " + key)
                    .isEqualTo(value));
        }
    }

    @Test
    void shouldPointTheConsoleAtEveryOtherServiceByItsClusterAddress() throws Exception {
        JsonNode console = documents(DIR.resolve("ops-console.yaml")).stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        Map<String, String> env = new java.util.HashMap<>();
        console.path("spec").path("template").path("spec").path("containers").get(0).path("env")
                .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        for (PlatformService service : PlatformService.all(Map.of())) {
            if (!service.name().equals("ops-console")) {
                assertThat(env.get(service.urlVariable())).as(service.urlVariable())
                        .isEqualTo("http://" + service.name() + ":" + service.port());
            }
        }
    }

    private static void assertProbe(JsonNode probe, String path, PlatformService service) {
        assertThat(probe.path("httpGet").path("path").asText()).as(service.name()).isEqualTo(path);
        assertThat(probe.path("httpGet").path("port").asInt()).as(service.name()).isEqualTo(service.port());
    }

    private static void assertReferenceExists(JsonNode valueFrom, List<JsonNode> platform, PlatformService service) {
        for (String kind : List.of("configMapKeyRef", "secretKeyRef")) {
            JsonNode ref = valueFrom.path(kind);
            if (ref.isMissingNode()) {
                continue;
            }
            String resource = kind.equals("configMapKeyRef") ? "ConfigMap" : "Secret";
            JsonNode target = platform.stream().filter(d -> d.path("kind").asText().equals(resource)
                    && d.path("metadata").path("name").asText().equals(ref.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(service.name() + ": no " + resource + " " + ref.path("name").asText()));
            JsonNode data = resource.equals("ConfigMap") ? target.path("data") : target.path("stringData");
            assertThat(data.has(ref.path("key").asText())).as(service.name() + ": " + resource + " key " + ref.path("key")).isTrue();
        }
    }

    private static Set<String> variables(Path properties) throws Exception {
        Set<String> names = new HashSet<>();
        Matcher matcher = VARIABLE.matcher(Files.readString(properties));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static List<JsonNode> documents(Path file) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(file))) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isNull() && !d.isMissingNode() && d.size() > 0) {
                    documents.add(d);
                }
            });
        }
        return documents;
    }
}

package com.wedsync.perf.gate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.LabFinding;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.topic.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A base-branch build's Lighthouse findings reach {@code perf.lighthouse.v1} once per bound tenant, from the median run
 * of the route; a pull request's build and a project bound to no tenant publish nothing. The runs are a real
 * Lighthouse 12.8.2 report of an RSVP page opened with {@code ?guest=a@b.com}.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class LabFindingsPublishTest {

    private static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";
    private static final String ROUTE = "/weddings/:id/rsvp";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPublishTheBaseBranchsMedianRunPerBoundTenantAndNothingForPullRequestsOrUnboundProjects() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bound = "web-" + suffix;
        String unbound = "solo-" + suffix;
        List<String> tenants = List.of("studio-a-" + suffix, "studio-b-" + suffix);
        String boundCi = createProject(bound);
        String unboundCi = createProject(unbound);
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("tenants", tenants))
                .put("/v1/projects/{id}/tenants", bound).then().statusCode(200);

        validate(unboundCi, build(unbound, "main-1", "main", 0.77));
        validate(boundCi, build(bound, "pr-7", "feature/rsvp", 0.77));
        validate(boundCi, build(bound, "main-2", "main", 0.70, 0.77, 0.90));

        List<ConsumerRecord<String, byte[]>> records = recordsUntil(tenants.size(), bound, unbound);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                LabFindings.key(tenants.get(0), ROUTE), LabFindings.key(tenants.get(1), ROUTE));
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(new String(record.value())).doesNotContain("a@b.com", "guest=", "/weddings/123");
            LabFindings findings = Topics.LIGHTHOUSE.valueSerde().deserializer().deserialize(record.topic(), record.value());
            assertThat(findings.project()).isEqualTo(bound);
            assertThat(findings.buildId()).as("the pull request's build is not the page's state").isEqualTo("main-2");
            assertThat(findings.route()).isEqualTo(ROUTE);
            assertThat(findings.lighthouseVersion()).isEqualTo("12.8.2");
            LabFinding images = findings.findings().stream().filter(f -> f.audit().equals("modern-image-formats"))
                    .findFirst().orElseThrow();
            assertThat(images.resource()).isEqualTo("http://127.0.0.1:8099/img/hero.png");
            assertThat(images.savings("LCP")).as("from the median run, whose saving was set to 770 ms").isEqualTo(770.0);
        }
    }

    /** Every record of the two projects on the topic, until {@code expected} of them arrived and two seconds more passed. */
    private static List<ConsumerRecord<String, byte[]>> recordsUntil(int expected, String... projects) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", LocalStack.shared().bootstrapServers(), "group.id", "lab-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.LIGHTHOUSE.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    String value = new String(r.value());
                    if (List.of(projects).stream().anyMatch(p -> value.contains("\"project\":\"" + p + "\""))) {
                        records.add(r);
                    }
                });
                return records.size() >= expected;
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> {
                String value = new String(r.value());
                if (List.of(projects).stream().anyMatch(p -> value.contains("\"project\":\"" + p + "\""))) {
                    records.add(r);
                }
            });
        }
        return records;
    }

    /** One run per score, the same page; each run's image saving is its score × 1000 ms, to tell which one was kept. */
    private static Map<String, Object> build(String project, String buildId, String branch, double... scores) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        for (double score : scores) {
            ObjectNode run = rsvpRun();
            ((ObjectNode) run.path("categories").path("performance")).put("score", score);
            ((ObjectNode) run.path("audits").path("modern-image-formats").path("metricSavings")).put("LCP", Math.round(score * 1000));
            runs.add(run);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", project);
        body.put("buildId", buildId);
        body.put("environment", "staging");
        body.put("gitSha", "abcdef1");
        body.put("branch", branch);
        body.put("baseBranch", "main");
        body.put("lighthouse", runs);
        return body;
    }

    private static ObjectNode rsvpRun() throws IOException {
        try (InputStream in = LabFindingsPublishTest.class.getResourceAsStream("/lhr/rsvp-lighthouse-12.8.2.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static String createProject(String id) {
        JsonPath created = given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", id)).post("/v1/projects").then().statusCode(201).extract().jsonPath();
        return "Bearer " + created.getString("tokens.CI");
    }

    private static void validate(String ci, Map<String, Object> body) {
        given().header("Authorization", ci).contentType(ContentType.JSON).body(body).post("/v1/gates/validate")
                .then().statusCode(200);
    }
}

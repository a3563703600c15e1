package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.event.RouteKey;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.SampleEvents;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.topic.CleanupPolicy;
import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.model.topic.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    private static LocalStack stack;
    private static Admin admin;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.shared();
        admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()));
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Test
    void shouldConsumeBackWhatWasProducedThroughTheRegistrysSerdes() {
        RumMetric sent = SampleEvents.rumMetric();
        try (KafkaRoundTrip<RouteKey, RumMetric> roundTrip = KafkaRoundTrip.on(stack, Topics.RUM)) {
            roundTrip.send(sent.key(), sent);

            assertThat(roundTrip.readAll(1, Duration.ofSeconds(30))).containsExactly(sent);
        }
    }

    @Test
    void shouldCreateEveryRegistryTopicWithItsPartitionsAndCleanupPolicy() throws Exception {
        Set<String> names = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();

        for (Topic<?, ?> topic : Topics.all()) {
            assertThat(described.get(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            assertThat(config.get("cleanup.policy").value()).as(topic.name()).isEqualTo(topic.cleanupPolicy().config());
        }
        assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, "perf.rum.v1")).get("retention.ms").value())
                .isEqualTo(Long.toString(Duration.ofDays(90).toMillis()));
    }

    @Test
    void shouldReallyCompactATopicCreatedWithTheTenantsTopicsPolicy() throws Exception {
        assertThat(Topics.TENANTS.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        try (CompactionCheck check = CompactionCheck.like(stack, admin, Topics.TENANTS)) {
            Map<String, TenantConfig> latest = check.writeVersions(5, 40);

            Map<String, TenantConfig> survivors = check.awaitCompacted(latest.size(), Duration.ofSeconds(60));

            assertThat(survivors).isEqualTo(latest);
        }
    }

    @Test
    void shouldAnswerSqlAndCreateEachServicesDatabaseOnce() throws Exception {
        JdbcTarget first = stack.database("alerting_check");
        JdbcTarget again = stack.database("alerting_check");

        assertThat(again).isEqualTo(first);
        try (Connection connection = DriverManager.getConnection(first.url(), first.user(), first.password());
             ResultSet row = connection.createStatement().executeQuery("SELECT current_database(), version()")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("alerting_check");
            assertThat(row.getString(2)).startsWith("PostgreSQL 17");
        }
    }
}

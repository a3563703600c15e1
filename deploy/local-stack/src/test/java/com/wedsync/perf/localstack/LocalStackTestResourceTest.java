package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackTestResourceTest {

    @Test
    void shouldHandAServiceTheSharedBrokerAndItsOwnDatabaseWithDevServicesOff() throws Exception {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of(LocalStackTestResource.DATABASE_ARG, "scaling_check"));

        Map<String, String> config = resource.start();

        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", LocalStack.shared().bootstrapServers())
                .containsEntry("quarkus.kafka.devservices.enabled", "false")
                .containsEntry("quarkus.datasource.devservices.enabled", "false");
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
             ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("scaling_check");
        }
    }

    @Test
    void shouldGiveNoDatasourceToAServiceWithoutADatabase() {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of());

        assertThat(resource.start()).containsKey("kafka.bootstrap.servers").doesNotContainKey("quarkus.datasource.jdbc.url");
    }
}

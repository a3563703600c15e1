package com.wedsync.perf.scaling.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.service.retention.Retention;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ended emergencies go 90 days after they ended (60 days ago, clock moved 29 and 31 days on); ongoing ones stay. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "scaling"))
class RetentionTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Retention retention;

    @Test
    void shouldDeleteEndedEmergenciesAfterNinetyDaysAndKeepOngoingOnes() throws Exception {
        String tenant = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        execute("INSERT INTO emergencies (alert_id, tenant, summary, started_at, ended_at) VALUES ('ended-" + tenant
                + "', '" + tenant + "', 'ended', now() - interval '61 days', now() - interval '60 days'), ('ongoing-" + tenant + "', '"
                + tenant + "', 'ongoing', now() - interval '61 days', NULL)");

        retention.sweep(Instant.now().plus(Duration.ofDays(29))).orElseThrow();
        assertThat(count(tenant)).isEqualTo(2);

        retention.sweep(Instant.now().plus(Duration.ofDays(31))).orElseThrow();
        assertThat(count(tenant)).isEqualTo(1);
        execute("DELETE FROM emergencies WHERE tenant = '" + tenant + "'");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String tenant) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM emergencies WHERE tenant = '" + tenant + "'")) {
            r.next();
            return r.getLong(1);
        }
    }
}

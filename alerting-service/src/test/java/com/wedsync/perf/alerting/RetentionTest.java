package com.wedsync.perf.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.service.retention.Retention;
import com.wedsync.perf.localstack.LocalStackTestResource;
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

/**
 * Alerting's retention with the clock moved forward: deliveries and a silence from 60 days ago are kept 29 days later;
 * 31 days later the finished delivery and the expired silence are gone and the pending delivery stays.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
@WithTestResource(FakeWebhookResource.class)
class RetentionTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Retention retention;

    @Test
    void shouldDeleteFinishedDeliveriesAndExpiredSilencesAfterNinetyDaysAndKeepPendingOnes() throws Exception {
        String tag = UUID.randomUUID().toString();
        // A destination nobody listens on: the dispatcher never touches rows of a lane it does not know.
        execute("INSERT INTO outbox (alert_id, destination, payload, dedup_key, state, created_at) VALUES ('" + tag
                + "', 'RETENTION_TEST', '{}', 'sent-" + tag + "', 'SENT', now() - interval '60 days'), ('" + tag
                + "', 'RETENTION_TEST', '{}', 'pending-" + tag + "', 'PENDING', now() - interval '60 days')");
        execute("INSERT INTO silences (id, tenant, until, created_by, created_at) VALUES ('" + tag
                + "', 'retention', now() - interval '60 days', 'test', now() - interval '61 days')");

        retention.sweep(Instant.now().plus(Duration.ofDays(29))).orElseThrow();
        assertThat(count("outbox WHERE alert_id = '" + tag + "'")).isEqualTo(2);
        assertThat(count("silences WHERE id = '" + tag + "'")).isEqualTo(1);

        retention.sweep(Instant.now().plus(Duration.ofDays(31))).orElseThrow();
        assertThat(count("outbox WHERE alert_id = '" + tag + "' AND state = 'SENT'")).isZero();
        assertThat(count("outbox WHERE alert_id = '" + tag + "' AND state = 'PENDING'")).as("still to deliver").isEqualTo(1);
        assertThat(count("silences WHERE id = '" + tag + "'")).isZero();
        execute("DELETE FROM outbox WHERE alert_id = '" + tag + "'");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String tableAndCondition) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + tableAndCondition)) {
            r.next();
            return r.getLong(1);
        }
    }
}

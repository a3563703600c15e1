package com.wedsync.perf.gate.api;

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
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gate's retention with the clock moved forward: rows written 60 days ago are kept 29 days later and gone 31 days
 * later (the 90 days are over); one sweeper at a time. Rows of other tests (written now) are never old enough.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "gate"))
class RetentionTest {

    private static final Duration SIXTY_DAYS = Duration.ofDays(60);

    @Inject
    AgroalDataSource db;

    @Inject
    Retention retention;

    @Test
    void shouldKeepNinetyDaysAndDeleteWhatIsOlderWhenTheClockMovesOn() throws Exception {
        String tenant = "retained-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(SIXTY_DAYS);
        execute("INSERT INTO trend_minutes (tenant, metric, window_start, samples, p75) VALUES ('" + tenant
                + "', 'LCP', '" + minute + "', 10, 1200)");
        execute("INSERT INTO audit_log (actor, action, at) VALUES ('" + tenant + "', 'test', now() - interval '60 days')");
        execute("INSERT INTO audit_log (actor, action, at) VALUES ('" + tenant + "', 'old', now() - interval '370 days')");

        Map<String, Integer> after29Days = retention.sweep(Instant.now().plus(Duration.ofDays(29))).orElseThrow();
        assertThat(count("trend_minutes WHERE tenant = '" + tenant + "'")).isEqualTo(1);
        assertThat(count("audit_log WHERE actor = '" + tenant + "'")).isEqualTo(2);
        assertThat(after29Days).containsKeys("trend minutes", "audit log", "validations");

        Map<String, Integer> after31Days = retention.sweep(Instant.now().plus(Duration.ofDays(31))).orElseThrow();
        assertThat(count("trend_minutes WHERE tenant = '" + tenant + "'")).isZero();
        assertThat(count("audit_log WHERE actor = '" + tenant + "' AND action = 'test'"))
                .as("the audit log is kept 400 days").isEqualTo(1);
        assertThat(count("audit_log WHERE actor = '" + tenant + "' AND action = 'old'")).as("401 days old").isZero();
        assertThat(after31Days.get("trend minutes")).isPositive();
    }

    @Test
    void shouldLeaveTheSweepToTheInstanceThatHoldsTheLock() throws Exception {
        try (Connection other = db.getConnection(); Statement lock = other.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + 0x7065726652657402L + ")");
            try {
                assertThat(retention.sweep(Instant.now())).as("another instance sweeps").isEmpty();
            } finally {
                lock.execute("SELECT pg_advisory_unlock(" + 0x7065726652657402L + ")");
            }
        }
        assertThat(retention.sweep(Instant.now())).isPresent();
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

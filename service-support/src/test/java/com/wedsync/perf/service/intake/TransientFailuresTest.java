package com.wedsync.perf.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void shouldTreatADatabaseThatIsAwayAsTransientAndNotTheRecordsFault() {
        RuntimeException refused = new IllegalStateException("cannot record a minute",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        RuntimeException shuttingDown = new IllegalStateException(new SQLException("terminating connection", "57P01"));
        RuntimeException poolTimeout = new IllegalStateException(new SQLException("Acquisition timeout"));

        assertThat(TransientFailures.isTransient(refused)).isTrue();
        assertThat(TransientFailures.isTransient(shuttingDown)).isTrue();
        assertThat(TransientFailures.isTransient(poolTimeout)).isTrue();
        assertThat(TransientFailures.blamesTheRecord(refused)).isFalse();
        assertThat(TransientFailures.blamesTheRecord(poolTimeout)).isFalse();
    }

    @Test
    void shouldMakeAMissingTableWaitRatherThanBlameEveryRecord() {
        RuntimeException missing = new IllegalStateException(new SQLException("relation \"trend_minutes\" does not exist", "42P01"));

        assertThat(TransientFailures.isTransient(missing)).as("a 500: it is a bug, not an outage").isFalse();
        assertThat(TransientFailures.blamesTheRecord(missing)).isFalse();
    }

    @Test
    void shouldBlameTheRecordForDataErrorsAndForFailuresOutsideTheDatabase() {
        assertThat(TransientFailures.blamesTheRecord(new IllegalStateException(
                new SQLException("value too long for type character varying(64)", "22001")))).isTrue();
        assertThat(TransientFailures.blamesTheRecord(new IllegalStateException(
                new SQLException("null value in column \"tenant\"", "23502")))).isTrue();
        assertThat(TransientFailures.blamesTheRecord(new NullPointerException("point.tenant()"))).isTrue();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }
}

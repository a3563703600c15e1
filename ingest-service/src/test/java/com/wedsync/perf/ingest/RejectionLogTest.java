package com.wedsync.perf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RejectionLogTest {

    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage() == null ? "" : String.format(record.getMessage().replace("%d", "%s"),
                    record.getParameters() == null ? new Object[0] : record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(RejectionLog.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(RejectionLog.class.getName()).removeHandler(capture);
    }

    @Test
    void shouldLogTheFirstRefusalOfAClassAtOnceAndTheRestOncePerInterval() {
        RejectionLog log = new RejectionLog();

        for (int i = 0; i < 1000; i++) {
            log.refused("/v1/rum", "origin_not_allowed", null, "origin https://evil-" + i + ".example is not allowed");
        }
        log.refused("/v1/rum", "unknown_key", null, "the key is unknown or was revoked");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("/v1/rum", "origin_not_allowed", "first of its kind", "evil-0");
        assertThat(lines.get(1)).contains("unknown_key");
    }

    @Test
    void shouldKeepItsClassesBoundedWhateverTheCallerSends() {
        RejectionLog log = new RejectionLog();

        for (int i = 0; i < 10_000; i++) {
            log.refused("/v1/weddings/" + i, "unauthorized", null, "no token");
        }

        assertThat(log.classes()).isLessThanOrEqualTo(RejectionLog.MAX_CLASSES + 1);
        assertThat(lines).hasSizeLessThanOrEqualTo(RejectionLog.MAX_CLASSES + 1);
    }

    @Test
    void shouldNeverWriteACallersControlCharactersOrLongTextToTheLog() {
        RejectionLog log = new RejectionLog();

        log.refused("RumResource.report", "invalid_item", null, "route /x\n12:00:00 INFO forged line\u2028\u0000" + "y".repeat(20_000));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\n", "\u2028", "\u0000").contains("/x?12:00:00 INFO forged line??");
        assertThat(lines.get(0).length()).isLessThan(400);
    }
}

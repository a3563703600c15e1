package com.wedsync.perf.alerting.bench;

import com.wedsync.perf.alerting.intake.AlertIntake;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark of the alerting intake (not a test; {@code -Dbench.intake=true}): trend minutes applied through
 * {@link AlertIntake#applyAll} in polls of {@code bench.batch} records (200, the consumer's {@code max.poll.records};
 * 1 applies each record in a transaction of its own), offsets claimed, rules evaluated and alerts opened — 200 series
 * (40 tenants × 5 routes), one in twenty minutes over the LCP threshold. Prints records/s of each round and the median.
 *
 * <pre>./mvnw verify -pl alerting-service -Dtest=AlertIntakeBenchmark -Dbench.intake=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.intake", matches = "true")
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
class AlertIntakeBenchmark {

    private static final int PARTITION = 9_999;
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3_000);
    private static final int RECORDS = Integer.getInteger("bench.records", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int BATCH = Integer.getInteger("bench.batch", 200);

    @Inject
    AlertIntake intake;

    @Inject
    javax.sql.DataSource db;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private long offset;

    @Test
    void measure() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(1));
        run(start, WARMUP, "bench-warm");
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            java.util.Map<String, long[]> before = tableStats();
            long began = System.nanoTime();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long postgresBefore = postgresCpuMillis();
            long jvmBefore = processCpuMillis("self");
            long brokerBefore = brokerCpuMillis();
            long[] syscallsBefore = ownSyscalls();
            long[] walBefore = wal();
            run(start.plus(Duration.ofHours(round + 1)), RECORDS, "bench-" + round);
            double rate = RECORDS / ((System.nanoTime() - began) / 1e9);
            System.out.printf(Locale.ROOT, "[AlertIntakeBenchmark]   per 1,000 records: %.0f ms wall, %.0f ms CPU on the "
                            + "intake thread, %d ms CPU in PostgreSQL%n", 1000 * 1000 / rate,
                    (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e6 * 1000 / RECORDS,
                    (postgresCpuMillis() - postgresBefore) * 1000 / RECORDS);
            System.out.printf(Locale.ROOT, "[AlertIntakeBenchmark]   per 1,000 records: %d ms CPU in this JVM's other threads, "
                            + "%d ms in the Kafka broker%n",
                    (processCpuMillis("self") - jvmBefore) * 1000 / RECORDS
                            - (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000 * 1000 / RECORDS,
                    (brokerCpuMillis() - brokerBefore) * 1000 / RECORDS);
            long[] syscalls = ownSyscalls();
            System.out.printf(Locale.ROOT, "[AlertIntakeBenchmark]   per 1,000 records: %d read and %d write system calls "
                    + "by this JVM (round trips to PostgreSQL, mostly)%n", (syscalls[0] - syscallsBefore[0]) * 1000 / RECORDS,
                    (syscalls[1] - syscallsBefore[1]) * 1000 / RECORDS);
            printStatements(before, tableStats());
            printOpenTransactions();
            printHotRows();
            printPlans();
            long[] walAfter = wal();
            System.out.printf(Locale.ROOT, "[AlertIntakeBenchmark]   per 1,000 records: %d WAL records, %d full-page images, "
                    + "%d KB of WAL%n", (walAfter[0] - walBefore[0]) * 1000 / RECORDS,
                    (walAfter[1] - walBefore[1]) * 1000 / RECORDS, (walAfter[2] - walBefore[2]) / RECORDS);
            rates.add(rate);
            System.out.printf(Locale.ROOT, "[AlertIntakeBenchmark] round %d: %,d records in %.1f s = %,.0f records/s%n",
                    round + 1, RECORDS, RECORDS / rate, rate);
        }
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "[AlertIntakeBenchmark] median %,.0f records/s over %d rounds%n",
                sorted.get(sorted.size() / 2), ROUNDS);
    }

    /** CPU time of one process ({@code self} or a pid) from /proc; 0 elsewhere. */
    private static long processCpuMillis(String pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (java.io.IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    /** CPU time of the local stack's Kafka broker (the JVM running BrokerMain). */
    private static long brokerCpuMillis() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("BrokerMain"))
                .mapToLong(p -> processCpuMillis(Long.toString(p.pid()))).sum();
    }

    /** This JVM's read and write system calls so far (/proc/self/io); zeros elsewhere. */
    private static long[] ownSyscalls() {
        long[] calls = new long[2];
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/io"))) {
                if (line.startsWith("syscr:")) {
                    calls[0] = Long.parseLong(line.substring(6).strip());
                } else if (line.startsWith("syscw:")) {
                    calls[1] = Long.parseLong(line.substring(6).strip());
                }
            }
        } catch (java.io.IOException | RuntimeException unavailable) {
            // not Linux
        }
        return calls;
    }

    /** CPU time of every process named {@code postgres} on this (Linux) machine, from /proc; 0 elsewhere. */
    private static long postgresCpuMillis() {
        long ticks = 0;
        java.io.File[] processes = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        for (java.io.File process : processes == null ? new java.io.File[0] : processes) {
            try {
                String stat = java.nio.file.Files.readString(process.toPath().resolve("stat"));
                if (stat.contains("(postgres)")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended while it was read
            }
        }
        return ticks * 10;
    }

    /** Per table: sequential scans, index scans, rows inserted, updated (PostgreSQL's statistics, flushed each second). */
    private java.util.Map<String, long[]> tableStats() {
        try {
            Thread.sleep(1_200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        java.util.Map<String, long[]> stats = new java.util.TreeMap<>();
        try (var c = db.getConnection(); var s = c.createStatement(); var r = s.executeQuery("SELECT relname, "
                + "coalesce(seq_scan, 0), coalesce(idx_scan, 0), n_tup_ins, n_tup_upd FROM pg_stat_user_tables UNION ALL "
                + "SELECT 'commits', xact_commit, xact_rollback, 0, 0 FROM pg_stat_database WHERE datname = current_database()")) {
            while (r.next()) {
                stats.put(r.getString(1), new long[]{r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)});
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return stats;
    }

    /** PostgreSQL's WAL so far: records, full-page images, bytes ({@code pg_stat_wal}, PostgreSQL 14 and later). */
    private long[] wal() {
        try (var c = db.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")) {
            return r.next() ? new long[]{r.getLong(1), r.getLong(2), r.getLong(3)} : new long[3];
        } catch (java.sql.SQLException unavailable) {
            return new long[3];
        }
    }

    /**
     * Other sessions' transactions open now, the oldest first: one left open holds back PostgreSQL's pruning of the
     * rows every point updates (its offset), and each update then walks the dead versions.
     */
    private void printOpenTransactions() {
        StringBuilder line = new StringBuilder("[AlertIntakeBenchmark]   open transactions of other sessions:");
        try (var c = db.getConnection(); var s = c.createStatement(); var r = s.executeQuery("SELECT state, "
                + "extract(epoch FROM now() - xact_start)::int, left(query, 80) FROM pg_stat_activity WHERE xact_start "
                + "IS NOT NULL AND pid <> pg_backend_pid() ORDER BY xact_start LIMIT 3")) {
            while (r.next()) {
                line.append(String.format(Locale.ROOT, " [%s for %d s: %s]", r.getString(1), r.getInt(2), r.getString(3)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        System.out.println(line);
    }

    /**
     * The rows every point updates (its offset) and the alerts it looks up: their pages, dead versions and how many
     * updates stayed on the same page (HOT); pages that keep growing mean PostgreSQL cannot prune the old versions,
     * and every update and lookup then walks them. Also the oldest snapshot any session holds (what pruning waits for).
     */
    private void printHotRows() {
        StringBuilder line = new StringBuilder("[AlertIntakeBenchmark]   pages/dead rows/HOT updates:");
        try (var c = db.getConnection(); var s = c.createStatement(); var r = s.executeQuery("SELECT relname, "
                + "pg_relation_size(relid) / 8192, n_dead_tup, n_tup_hot_upd, n_tup_upd FROM pg_stat_user_tables WHERE "
                + "relname IN ('processed_offsets', 'performance_alerts', 'event_outbox') ORDER BY relname")) {
            while (r.next()) {
                line.append(String.format(Locale.ROOT, " %s %d/%d/%d of %d;", r.getString(1), r.getLong(2), r.getLong(3),
                        r.getLong(4), r.getLong(5)));
            }
            try (var x = s.executeQuery("SELECT max(age(backend_xmin)), count(*) FILTER (WHERE backend_xmin IS NOT NULL) "
                    + "FROM pg_stat_activity WHERE pid <> pg_backend_pid()")) {
                if (x.next()) {
                    line.append(String.format(Locale.ROOT, " oldest snapshot %d transactions old (%d sessions hold one)",
                            x.getLong(1), x.getLong(2)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        System.out.println(line);
    }

    /**
     * The plans PostgreSQL runs the hot statements with once they are prepared (pgjdbc prepares a statement on the
     * server from its fifth use; PostgreSQL then may switch to a generic plan), the indexes used per table so far, and
     * when each table was last analysed (new statistics can change a generic plan mid-run).
     */
    private void printPlans() {
        StringBuilder line = new StringBuilder("[AlertIntakeBenchmark]   generic plans:");
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE bench_open(text) AS SELECT id FROM performance_alerts WHERE fingerprint = $1 "
                    + "AND state <> 'RESOLVED' LIMIT 1 FOR UPDATE");
            try (var r = s.executeQuery("EXPLAIN EXECUTE bench_open('x')")) {
                while (r.next()) {
                    line.append(" | ").append(r.getString(1).strip());
                }
            }
            s.execute("DEALLOCATE bench_open");
            s.execute("RESET plan_cache_mode");
            try (var r = s.executeQuery("SELECT relname, indexrelname, idx_scan FROM pg_stat_user_indexes WHERE relname IN "
                    + "('performance_alerts', 'processed_offsets', 'event_outbox', 'alert_history') AND idx_scan > 0 "
                    + "ORDER BY relname, indexrelname")) {
                line.append("; index scans so far:");
                while (r.next()) {
                    line.append(String.format(Locale.ROOT, " %s.%s %d", r.getString(1), r.getString(2), r.getLong(3)));
                }
            }
            try (var r = s.executeQuery("SELECT relname, coalesce(to_char(greatest(last_autoanalyze, last_autovacuum), "
                    + "'HH24:MI:SS'), '-') FROM pg_stat_user_tables WHERE relname IN ('performance_alerts', "
                    + "'processed_offsets', 'event_outbox', 'alert_history') ORDER BY relname")) {
                line.append("; autovacuum/analyze last at:");
                while (r.next()) {
                    line.append(' ').append(r.getString(1)).append(' ').append(r.getString(2));
                }
            }
            line.append(String.format(Locale.ROOT, "; now %tT", java.time.LocalTime.now(java.time.ZoneOffset.UTC)));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        System.out.println(line);
    }

    private static void printStatements(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after) {
        StringBuilder line = new StringBuilder("[AlertIntakeBenchmark]   per 1,000 records (seq/idx scans, ins/upd):");
        after.forEach((table, now) -> {
            long[] was = before.getOrDefault(table, new long[4]);
            long[] d = {now[0] - was[0], now[1] - was[1], now[2] - was[2], now[3] - was[3]};
            if (d[0] + d[1] + d[2] + d[3] > 0) {
                line.append(String.format(Locale.ROOT, " %s %d/%d %d/%d;", table, d[0] * 1000 / RECORDS,
                        d[1] * 1000 / RECORDS, d[2] * 1000 / RECORDS, d[3] * 1000 / RECORDS));
            }
        });
        System.out.println(line);
    }

    private void run(Instant from, int records, String tenantPrefix) {
        List<ConsumerRecord<byte[], byte[]>> poll = new ArrayList<>(BATCH);
        for (int i = 0; i < records; i++) {
            int series = i % 200;
            Instant minute = from.plus(Duration.ofMinutes(i / 200));
            double p75 = (i / 200) % 20 == 7 ? 5200 : 1800;
            TrendPoint point = new TrendPoint(tenantPrefix + "-" + series / 5, Source.RUM, "/route-" + series % 5, "LCP",
                    "MOBILE", Resolution.MINUTE, minute, minute.plus(Duration.ofMinutes(1)), 120, p75 * 0.8, p75,
                    p75 * 1.2, p75 * 1.5, p75 / 2, p75 * 2, 0, 0, 0, 0, "", 0.01);
            byte[] value = Topics.TRENDS.valueSerde().serializer().serialize(Topics.TRENDS.name(), point);
            poll.add(new ConsumerRecord<>(Topics.TRENDS.name(), PARTITION, offset++, new byte[0], value));
            if (poll.size() == BATCH || i == records - 1) {
                intake.applyAll(List.copyOf(poll));
                poll.clear();
            }
        }
    }
}

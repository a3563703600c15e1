package com.wedsync.perf.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real PostgreSQL server, run from the binaries shipped in a Maven artifact, bound to loopback. */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    /** Embedded PostgreSQL trusts local connections; the password is accepted and ignored. */
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir, int requestedPort, boolean keepData) throws IOException {
        Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
        if (keepData) {
            StalePostmaster.stopIfRunning(pgData);
        }
        int port = FreePorts.resolve(requestedPort, "PostgreSQL");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(pgData)
                // Never deleted on close: a stopped server keeps its databases (tests stop and start it as an outage);
                // throw-away data directories are deleted with the rest of the stack's data.
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                .start();
        return new EmbeddedPostgresServer(postgres);
    }

    JdbcTarget maintenanceDatabase() {
        return new JdbcTarget("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping PostgreSQL failed", e);
        }
    }
}

package com.wedsync.perf.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL runs as its own server process, so a platform JVM killed outright ({@code kill -9}) leaves it
 * running on the kept data directory. The next start finds it through {@code postmaster.pid} and stops it.
 */
final class StalePostmaster {

    private static final long SHUTDOWN_SECONDS = 30;

    private StalePostmaster() {
    }

    static void stopIfRunning(Path pgData) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(pgData);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        System.out.println("[platform] Stopping PostgreSQL left running by an earlier run (pid " + process.pid() + ")");
        process.destroy();
        try {
            process.onExit().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        } catch (Exception notInTime) {
            process.destroyForcibly();
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

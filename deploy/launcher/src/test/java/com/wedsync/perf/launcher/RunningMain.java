package com.wedsync.perf.launcher;

import com.wedsync.perf.localstack.FreePorts;
import com.wedsync.perf.localstack.OwnClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@link PlatformMain} with {@code --stack-only}, run as ./platform runs it: a separate JVM, stopped by a signal. */
final class RunningMain implements AutoCloseable {

    private final Process process;
    private final Path envFile;
    private final Path output;

    private RunningMain(Process process, Path envFile, Path output) {
        this.process = process;
        this.envFile = envFile;
        this.output = output;
    }

    static RunningMain start(Path dataDir, Map<String, String> env, String... options) throws IOException {
        Path envFile = dataDir.resolve("platform.env");
        Path output = Files.createTempFile("platform-main", ".out");
        List<String> command = new java.util.ArrayList<>(List.of(OwnClasspath.javaExecutable(), "-cp", OwnClasspath.of(PlatformMain.class),
                PlatformMain.class.getName(), "--stack-only", "--env-file", envFile.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(key -> key.equals("KAFKA_BOOTSTRAP_SERVERS") || key.startsWith("PERF_"));
        builder.environment().put("PERF_DATA_DIR", dataDir.toString());
        builder.environment().putAll(env);
        return new RunningMain(builder.start(), envFile, output);
    }

    static Map<String, String> freePorts() throws IOException {
        return Map.of("PERF_KAFKA_PORT", freePort(), "PERF_KAFKA_CONTROLLER_PORT", freePort(),
                "PERF_POSTGRES_PORT", freePort());
    }

    /** The KEY=value lines of the env file, once the stack says it is ready. */
    Map<String, String> awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!output().contains("Ready in")) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the stack did not become ready; it printed:\n" + output());
            }
            Thread.sleep(200);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    Optional<ProcessHandle> brokerProcess() {
        // The broker is the only JVM this process starts; its command line is too long to match reliably.
        return process.children().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst();
    }

    /** Sends a signal as a terminal (INT) or a process manager (TERM) would, and waits for the JVM to exit. */
    void stopWith(String signal, Duration timeout) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the stack did not stop within " + timeout + " after SIG" + signal);
        }
    }

    /** Stops a stack a failed test left running, so no test leaves servers behind. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            stopWith("TERM", Duration.ofSeconds(60));
        }
    }

    Path envFile() {
        return envFile;
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    private static String freePort() {
        return Integer.toString(FreePorts.any("a test platform"));
    }
}

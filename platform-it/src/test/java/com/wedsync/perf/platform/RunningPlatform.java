package com.wedsync.perf.platform;

import static org.awaitility.Awaitility.await;

import com.wedsync.perf.launcher.PlatformMain;
import com.wedsync.perf.localstack.OwnClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./platform up} as a user runs it, from the built jars, on free ports and a data directory of its own; the
 * variables it writes to its env file (URLs, tokens, the demo tenant) once it is ready.
 */
public final class RunningPlatform implements AutoCloseable {

    private static final String[] PORT_VARIABLES = {"PERF_KAFKA_PORT", "PERF_KAFKA_CONTROLLER_PORT",
            "PERF_POSTGRES_PORT", "INGEST_PORT", "AGGREGATION_PORT", "ALERTING_PORT", "SCALING_PORT", "GATE_PORT",
            "CONSOLE_PORT", "DEMO_SINK_PORT"};

    private final Process process;
    private final String name;
    private final Path dataDir;
    private final Path output;
    private final Path envFile;
    private final List<ProcessHandle> children;
    private final Map<String, String> env;

    private RunningPlatform(Process process, String name, Path dataDir, Path output, Path envFile) throws IOException {
        this.process = process;
        this.name = name;
        this.dataDir = dataDir;
        this.output = output;
        this.envFile = envFile;
        this.children = process.children().toList();
        this.env = readEnv(envFile);
    }

    /**
     * Starts the platform with these arguments (e.g. {@code --demo}) and waits until it says it is ready; what it
     * and the services' logs are kept under {@code target/platform-output/<name>/}.
     */
    public static RunningPlatform start(String name, Path dataDir, String... arguments) throws IOException {
        return start(name, dataDir, freePorts(), arguments);
    }

    /** Every port variable with a free port, to start the platform again on the same ports (and data). */
    public static Map<String, String> freePorts() throws IOException {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String variable : PORT_VARIABLES) {
            ports.put(variable, freePort());
        }
        return ports;
    }

    /** As {@link #start(String, Path, String...)}, with these environment variables (ports among them). */
    public static RunningPlatform start(String name, Path dataDir, Map<String, String> environment, String... arguments)
            throws IOException {
        Path output = dataDir.resolve("platform.out");
        Path envFile = dataDir.resolve("platform.env");
        List<String> command = new ArrayList<>(List.of(OwnClasspath.javaExecutable(), "-cp",
                OwnClasspath.of(PlatformMain.class), PlatformMain.class.getName(), "--env-file", envFile.toString(), "--project-dir", ".."));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.equals("KAFKA_BOOTSTRAP_SERVERS") || k.startsWith("PERF_"));
        builder.environment().put("PERF_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    Files.readString(output).contains("Ready in") || !process.isAlive());
            if (!Files.readString(output).contains("Ready in")) {
                throw new IllegalStateException("the platform did not start:\n" + Files.readString(output));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(envFile));
            return new RunningPlatform(process, name, dataDir, output, envFile);
        } catch (RuntimeException | IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** A variable of the env file: {@code INGEST_URL}, {@code PERF_OPS_TOKEN}, {@code DEMO_READ_TOKEN}… */
    public String env(String name) {
        String value = env.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the env file has no " + name + ": " + env.keySet());
        }
        return value;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    List<ProcessHandle> children() {
        return children;
    }

    Path envFile() {
        return envFile;
    }

    /** Stops it as Ctrl-C does; true when it and every process it started ended in time. */
    public boolean stop() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        boolean stopped = process.waitFor(90, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        return stopped;
    }

    /** Kills the platform and every process under it at once, as a power cut or {@code kill -9} of the tree would. */
    public void kill() throws InterruptedException {
        List<ProcessHandle> everything = new ArrayList<>(process.descendants().toList());
        everything.add(process.toHandle());
        everything.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> everything.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        Path kept = Path.of("target", "platform-output", name);
        Files.createDirectories(kept);
        Files.copy(output, kept.resolve("platform.log"), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException noLogs) {
            // stopped before any service started
        }
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    private static String freePort() {
        return Integer.toString(com.wedsync.perf.localstack.FreePorts.any("a test platform"));
    }
}

package com.wedsync.perf.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack for {@code ./platform up}: starts (or connects to) Kafka and PostgreSQL, creates the topics,
 * writes the addresses to an env file a shell can source, and runs until Ctrl-C or SIGTERM, then stops
 * everything it started and removes the env file.
 *
 * <p>Options: {@code --fresh} deletes the data kept under the data directory first;
 * {@code --env-file <path>} where to write the addresses (default {@code <data dir>/platform.env}).
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        StackSettings settings = StackSettings.forPlatform(System.getenv());
        Path envFile = envFile(options, settings.dataDir());
        // A file left by a run that was killed outright holds addresses nothing listens on any more.
        deleteQuietly(envFile);
        if (options.contains("--fresh")) {
            say("Deleting the local stack's data under " + settings.dataDir() + " (--fresh)");
            LocalStack.deleteRecursively(settings.dataDir().resolve("kafka"));
            LocalStack.deleteRecursively(settings.dataDir().resolve("postgres"));
        }

        say("Starting the local stack (data in " + settings.dataDir() + ")");
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping the local stack");
            deleteQuietly(envFile);
            stack.close();
            say("Stopped");
            stopped.countDown();
        }, "local-stack-stop"));

        Map<String, String> env = environment(stack);
        writeEnvFile(envFile, env);
        say(String.format("  Kafka       %s (%s)", stack.bootstrapServers(),
                stack.startedKafka() ? "embedded KRaft broker, log " + stack.brokerLog().orElseThrow() : "existing"));
        say(String.format("  PostgreSQL  %s (%s)", stack.server().url(),
                stack.startedPostgres() ? "embedded, user postgres" : "existing"));
        say(String.format("  Topics      %d in the registry, %d created now", com.wedsync.perf.model.topic.Topics.all().size(),
                stack.createdTopics().size()));
        say(String.format("  Env file    %s  (source it: set -a; . %s; set +a)", envFile, envFile));
        say(String.format("Ready in %.1f s. Ctrl-C stops everything.", (System.nanoTime() - started) / 1e9));
        stopped.await();
    }

    static Map<String, String> environment(LocalStack stack) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("PERF_JDBC_URL", stack.server().url());
        env.put("PERF_JDBC_USER", stack.server().user());
        env.put("PERF_JDBC_PASSWORD", stack.server().password());
        env.put("PERF_OPS_TOKEN", opsToken());
        return env;
    }

    /** The ops bearer token: PERF_OPS_TOKEN when set, otherwise a new random one for this run. */
    private static String opsToken() {
        String given = System.getenv("PERF_OPS_TOKEN");
        if (given != null && !given.isBlank()) {
            return given;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return "ops_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static Path envFile(List<String> options, Path dataDir) {
        int index = options.indexOf("--env-file");
        if (index >= 0 && index + 1 < options.size()) {
            return Path.of(options.get(index + 1)).toAbsolutePath();
        }
        return dataDir.resolve("platform.env");
    }

    private static void writeEnvFile(Path file, Map<String, String> env) throws IOException {
        StringBuilder text = new StringBuilder("# written by ./platform up; removed when it stops\n");
        env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(partial, text);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not remove " + file + ": " + e.getMessage());
        }
    }

    private static void say(String line) {
        System.out.println("[platform] " + line);
        System.out.flush();
    }
}

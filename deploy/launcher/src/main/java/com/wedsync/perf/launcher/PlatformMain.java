package com.wedsync.perf.launcher;

import com.wedsync.perf.demo.DemoRun;
import com.wedsync.perf.localstack.JdbcTarget;
import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.StackSettings;
import com.wedsync.perf.model.topic.Topics;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code ./platform up} runs: the local stack (or the configured existing servers), then every built service
 * as a child JVM, waits until each is ready, registers the demo tenant, writes the env file, and runs until Ctrl-C
 * or SIGTERM, when it stops everything it started and removes the env file.
 *
 * <p>Options: {@code --fresh} deletes kept data first; {@code --stack-only} starts Kafka and PostgreSQL only;
 * {@code --env-file <path>} (default {@code <data dir>/platform.env}); {@code --project-dir <path>} where the
 * services' built jars are (default: the working directory).
 */
public final class PlatformMain {

    private PlatformMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("[platform] could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        PlatformOptions options = PlatformOptions.parse(List.of(args));
        StackSettings settings = StackSettings.forPlatform(System.getenv());
        Path envFile = options.envFile().orElse(settings.dataDir().resolve("platform.env"));
        // A file left by a run that was killed outright holds addresses nothing listens on any more.
        PlatformEnvFile.delete(envFile);
        if (options.fresh()) {
            say("Deleting the local stack's data under " + settings.dataDir() + " (--fresh)");
            LocalStack.deleteRecursively(settings.dataDir().resolve("kafka"));
            LocalStack.deleteRecursively(settings.dataDir().resolve("postgres"));
            // Kafka Streams' local state belongs to the deleted topics: kept, it would be found stale and wiped anyway.
            LocalStack.deleteRecursively(settings.dataDir().resolve("kafka-streams"));
        }

        Running running = new Running();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping");
            PlatformEnvFile.delete(envFile);
            running.close();
            say("Stopped");
            stopped.countDown();
        }, "platform-stop"));

        long started = System.nanoTime();
        say("Starting the local stack (data in " + settings.dataDir() + ")");
        running.stack = LocalStack.start(settings);
        LocalStack stack = running.stack;
        say(String.format("  Kafka       %s (%s)", stack.bootstrapServers(),
                stack.startedKafka() ? "embedded KRaft broker, log " + stack.brokerLog().orElseThrow() : "existing"));
        say(String.format("  PostgreSQL  %s (%s)", stack.server().url(),
                stack.startedPostgres() ? "embedded, user postgres" : "existing"));
        say(String.format("  Topics      %d in the registry, %d created now", Topics.all().size(),
                stack.createdTopics().size()));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("PERF_JDBC_URL", stack.server().url());
        env.put("PERF_JDBC_USER", stack.server().user());
        env.put("PERF_JDBC_PASSWORD", stack.server().password());
        env.put("PERF_OPS_TOKEN", opsToken());
        if (!options.stackOnly()) {
            startServices(running, options.projectDir(), settings.dataDir(), env, options.demo());
            say("  Console     " + env.get("CONSOLE_URL") + "  (sign in with the ops token or a tenant's token"
                    + (env.containsKey("DEMO_READ_TOKEN") ? "; the demo tenant: " + env.get("CONSOLE_URL") + "/#signin?tenant="
                    + env.get("DEMO_TENANT") + "&token=" + env.get("DEMO_READ_TOKEN") : "") + ")");
        }
        PlatformEnvFile.write(envFile, env);
        say(String.format("  Env file    %s  (source it: set -a; . %s; set +a)", envFile, envFile));
        say(String.format("Ready in %.1f s. Ctrl-C stops everything.", (System.nanoTime() - started) / 1e9));
        if (options.demo() && !options.stackOnly()) {
            running.demo = DemoRun.start(env, PlatformMain::say);
        }
        stopped.await();
    }

    /** Starts every service at once, then waits for each to be ready. */
    private static void startServices(Running running, Path projectDir, Path dataDir, Map<String, String> env,
                                      boolean demoMode) throws Exception {
        Map<String, String> serviceEnv = new LinkedHashMap<>(env);
        serviceEnv.put("AGGREGATION_STATE_DIR", dataDir.resolve("kafka-streams").toString());
        serviceEnv.put("PERF_SECRETS_KEY", SecretsKeyFile.keyFor(dataDir));
        if (demoMode) {
            serviceEnv.putAll(DemoRun.SERVICE_SETTINGS);
            String sink = "127.0.0.1:" + System.getenv().getOrDefault("DEMO_SINK_PORT",
                    Integer.toString(DemoRun.SINK_PORT));
            serviceEnv.put("PERF_OPS_SLACK_WEBHOOK", "http://" + sink + "/ops");
            // the demo's alerts go to its local sink: allowed as written, on its port only (docs/security.md)
            String allowed = System.getenv().getOrDefault("PERF_WEBHOOK_ALLOW", "");
            serviceEnv.put("PERF_WEBHOOK_ALLOW", allowed.isBlank() ? sink : allowed + "," + sink);
            say("  Demo timings: " + new TreeMap<>(DemoRun.SERVICE_SETTINGS));
        }
        List<PlatformService> services = PlatformService.all(System.getenv());
        // the console passes its API calls on to the others: it gets their addresses before they are ready
        services.forEach(service -> serviceEnv.put(service.urlVariable(), service.url()));
        for (PlatformService service : services) {
            say("  Starting " + service.name() + " on " + service.url() + " ...");
            Map<String, String> ownEnv = new LinkedHashMap<>(serviceEnv);
            if (service.database() != null) {
                JdbcTarget database = running.stack.database(service.database());
                ownEnv.put("QUARKUS_DATASOURCE_JDBC_URL", database.url());
                ownEnv.put("QUARKUS_DATASOURCE_USERNAME", database.user());
                ownEnv.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
            }
            running.services.add(ServiceProcess.start(service, projectDir, dataDir.resolve("logs"), ownEnv));
        }
        for (int i = 0; i < services.size(); i++) {
            PlatformService service = services.get(i);
            ServiceProcess process = running.services.get(i);
            process.awaitReady();
            env.put(service.urlVariable(), service.url());
            say(String.format("  %-19s %s (ready; log %s)", service.name(), service.url(), process.logFile()));
        }
        if (env.containsKey("INGEST_URL")) {
            DemoTenant demo = DemoTenant.register(env.get("INGEST_URL"), env.get("PERF_OPS_TOKEN"));
            env.putAll(new TreeMap<>(demo.environment()));
            say("  Demo tenant " + demo.id() + ": ingest key " + demo.ingestKey() + ", server key " + demo.serverKey()
                    + ", origin " + demo.origin());
            say("  Demo tokens read " + demo.readToken() + ", write " + demo.writeToken() + ", admin " + demo.adminToken());
        }
    }

    /** The ops bearer token: PERF_OPS_TOKEN when set, otherwise a new random one for this run. */
    private static String opsToken() {
        String given = System.getenv("PERF_OPS_TOKEN");
        if (given != null && !given.isBlank()) {
            if (given.strip().length() < 32) {
                throw new IllegalArgumentException("PERF_OPS_TOKEN is " + given.strip().length()
                        + " characters long; it needs at least 32 (e.g. openssl rand -hex 24), or leave it unset for a new one");
            }
            return given.strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return "ops_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void say(String line) {
        System.out.println("[platform] " + line);
        System.out.flush();
    }

    /** What has been started so far, stopped in reverse order: services first, then the stack. */
    private static final class Running {
        private final List<ServiceProcess> services = new ArrayList<>();
        private volatile LocalStack stack;
        private volatile AutoCloseable demo;

        synchronized void close() {
            if (demo != null) {
                try {
                    demo.close();
                } catch (Exception e) {
                    say("demo did not stop cleanly: " + e.getMessage());
                }
            }
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
            if (stack != null) {
                stack.close();
            }
        }
    }
}

package com.wedsync.perf.launcher;

import com.wedsync.perf.localstack.ChildProcesses;
import com.wedsync.perf.localstack.FreePorts;
import com.wedsync.perf.localstack.OwnClasspath;
import com.wedsync.perf.localstack.WatchedMain;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the platform's Quarkus services, run from its built jar as a child JVM that dies with the platform. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
    private static final String QUARKUS_ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";

    private final PlatformService service;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(PlatformService service, Process process, Path logFile) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess start(PlatformService service, Path projectDir, Path logDir, Map<String, String> env)
            throws IOException {
        Path jar = projectDir.resolve(service.jar());
        if (!Files.exists(jar)) {
            throw new IllegalStateException(service.name() + " is not built: " + jar + " is missing (run ./mvnw package)");
        }
        FreePorts.resolve(service.port(), service.name());
        Path logFile = Files.createDirectories(logDir).resolve(service.name() + ".log");
        List<String> command = new ArrayList<>(List.of(OwnClasspath.javaExecutable(), "-Xmx256m",
                "-cp", ownClasses() + File.pathSeparator + jar,
                WatchedMain.class.getName(), Long.toString(ProcessHandle.current().pid()), QUARKUS_ENTRY_POINT));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        builder.environment().put(service.portVariable(), Integer.toString(service.port()));
        return new ServiceProcess(service, builder.start(), logFile);
    }

    /** Waits until the service says it is ready; fails with its own last words when it dies or never gets there. */
    void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(service.url() + "/q/health/ready");
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + process.exitValue()
                        + "; its log " + logFile + " ends with:\n" + ChildProcesses.tail(logFile));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
            }
            sleep();
        }
        throw new IllegalStateException(service.name() + " was not ready within " + STARTUP_TIMEOUT.toSeconds()
                + " s; its log " + logFile + " ends with:\n" + ChildProcesses.tail(logFile));
    }

    PlatformService service() {
        return service;
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, SHUTDOWN_TIMEOUT);
    }


    private static String ownClasses() {
        return OwnClasspath.get().split(File.pathSeparator, 2)[0];
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

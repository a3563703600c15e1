package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WatchedMainTest {

    @Test
    void shouldLeaveCtrlCToThePlatformSoThatServicesStopBeforeTheBroker() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "reads signal dispositions from /proc");
        assumeTrue(new ProcessBuilder("perl", "-v").start().waitFor() == 0, "perl resets SIGINT as a terminal has it");
        Process standInPlatform = new ProcessBuilder("sleep", "120").start();
        // Started from a terminal, a service would have Ctrl-C's default disposition; a test run in the background
        // has SIGINT ignored from the start, so perl puts the default back before it runs the JVM.
        Process service = new ProcessBuilder("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die",
                OwnClasspath.javaExecutable(), "-cp", classpath(), WatchedMain.class.getName(),
                Long.toString(standInPlatform.pid()), PrintInterruptDisposition.class.getName()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("SIGINT ignored: true");

            new ProcessBuilder("kill", "-INT", Long.toString(service.pid())).start().waitFor();
            Thread.sleep(1000);
            assertThat(service.isAlive()).as("Ctrl-C reaches the platform, which stops its services in order").isTrue();

            new ProcessBuilder("kill", "-TERM", Long.toString(service.pid())).start().waitFor();
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("the platform's SIGTERM stops it").isTrue();
        } finally {
            service.destroyForcibly();
            standInPlatform.destroyForcibly();
        }
    }

    @Test
    void shouldEndTheServiceWhenThePlatformThatStartedItIsKilled() throws Exception {
        Process standInPlatform = new ProcessBuilder("sleep", "120").start();
        String classpath = classpath();
        Process service = new ProcessBuilder(OwnClasspath.javaExecutable(), "-cp", classpath, WatchedMain.class.getName(),
                Long.toString(standInPlatform.pid()), SleepForever.class.getName()).inheritIO().start();
        try {
            Thread.sleep(1000);
            assertThat(service.isAlive()).as("runs while its platform runs").isTrue();

            standInPlatform.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(30)).until(() -> !service.isAlive());
            assertThat(service.exitValue()).isZero();
        } finally {
            service.destroyForcibly();
        }
    }

    private static String classpath() throws Exception {
        return Path.of(WatchedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator
                + Path.of(SleepForever.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}

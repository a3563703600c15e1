package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WatchedMainTest {

    @Test
    void shouldEndTheServiceWhenThePlatformThatStartedItIsKilled() throws Exception {
        Process standInPlatform = new ProcessBuilder("sleep", "120").start();
        String classpath = Path.of(WatchedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator
                + Path.of(SleepForever.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
}

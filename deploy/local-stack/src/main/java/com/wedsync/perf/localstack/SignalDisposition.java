package com.wedsync.perf.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process ignores a signal; children inherit ignored signals, and a JVM then cannot handle them. */
public final class SignalDisposition {

    private SignalDisposition() {
    }

    public static boolean isIgnored(int signal) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (signal - 1))) != 0;
            }
        }
        return false;
    }
}

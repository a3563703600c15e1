package com.wedsync.perf.localstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the child JVM that runs the Kafka broker: formats the storage on first start, then runs
 * {@code kafka.Kafka} until it is stopped or the JVM that started it is gone, so a killed parent never
 * leaves an orphan broker behind.
 *
 * <p>Arguments: {@code <server.properties> <log dir> <cluster id> <parent pid>}.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: BrokerMain <server.properties> <log dir> <cluster id> <parent pid>");
            System.exit(2);
        }
        String properties = args[0];
        Path logDir = Path.of(args[1]);
        TerminalInterrupt.ignore();
        exitWhenParentExits(Long.parseLong(args[3]));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(properties, args[2]);
        }
        kafka.Kafka.main(new String[] {properties});
    }

    private static void format(String properties, String clusterId) {
        PrintStream out = System.out;
        int exitCode = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", properties, "--ignore-formatted"}, out);
        if (exitCode != 0) {
            System.err.println("formatting the broker's storage failed with exit code " + exitCode);
            System.exit(exitCode);
        }
    }

    private static void exitWhenParentExits(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(BrokerMain::parentGone),
                BrokerMain::parentGone);
    }

    private static void parentGone() {
        System.err.println("the process that started this broker has exited; shutting down");
        // exit (not halt) runs Kafka's shutdown hook, which closes the logs cleanly.
        System.exit(0);
    }
}

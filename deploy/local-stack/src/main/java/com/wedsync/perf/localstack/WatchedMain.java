package com.wedsync.perf.localstack;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another program's main class in this JVM and exits when the process that started it exits, so services
 * that ./platform up starts never outlive it, even when it is killed outright. Ctrl-C in the terminal is left to the
 * platform, which stops the services before the broker ({@link TerminalInterrupt}).
 *
 * <p>Arguments: {@code <parent pid> <main class> [args...]}.
 */
public final class WatchedMain {

    private WatchedMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: WatchedMain <parent pid> <main class> [args...]");
            System.exit(2);
        }
        TerminalInterrupt.ignore();
        ProcessHandle.of(Long.parseLong(args[0])).ifPresentOrElse(
                parent -> parent.onExit().thenRun(WatchedMain::parentGone), WatchedMain::parentGone);
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }

    private static void parentGone() {
        System.err.println("the platform that started this service has exited; shutting down");
        System.exit(0);
    }
}

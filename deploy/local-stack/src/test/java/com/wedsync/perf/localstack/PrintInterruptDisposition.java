package com.wedsync.perf.localstack;

/** Prints whether this JVM ignores SIGINT, then sleeps: a service stand-in for {@link WatchedMainTest}. */
public final class PrintInterruptDisposition {

    private PrintInterruptDisposition() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("SIGINT ignored: " + SignalDisposition.isIgnored(2));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

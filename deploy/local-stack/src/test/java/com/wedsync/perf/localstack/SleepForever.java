package com.wedsync.perf.localstack;

/** A program that never ends by itself, standing in for a service under {@link WatchedMain}. */
public final class SleepForever {

    private SleepForever() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}

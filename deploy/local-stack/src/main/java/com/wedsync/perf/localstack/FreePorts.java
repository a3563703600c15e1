package com.wedsync.perf.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Picks ports on the loopback interface for servers that should not collide with anything. A port picked "free" is
 * taken from below the kernel's ephemeral range (32768–60999 on Linux): a port from that range, free when picked, can
 * be taken by any outgoing connection (a Kafka client's) before the server that was to use it starts.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final java.util.Random RANDOM = new java.util.Random();

    private FreePorts() {
    }

    /** The port itself when one was asked for (after checking it is free), otherwise a free port. */
    public static int resolve(int requested, String what) {
        if (requested != 0) {
            requireFree(requested, what);
            return requested;
        }
        return any(what);
    }

    /** A port free now, below the ephemeral range when one is free there. */
    public static int any(String what) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOWEST + RANDOM.nextInt(HIGHEST - LOWEST);
            if (isFree(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for " + what, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + what + " is already in use; "
                    + "stop whatever uses it or choose another port (see README: configuration)", e);
        }
    }
}

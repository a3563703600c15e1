package com.wedsync.perf.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks ports on the loopback interface for servers that should not collide with anything. A port picked "free" is
 * taken from below the kernel's ephemeral range (32768–60999 on Linux): a port from that range, free when picked, can
 * be taken by any outgoing connection (a Kafka client's) before the server that was to use it starts. A port is
 * handed out once per JVM: two servers started together (a broker's client and SASL listeners) never get the same
 * one because neither had bound it yet.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final java.util.Random RANDOM = new java.util.Random();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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

    /** A port free now and not handed out before in this JVM, below the ephemeral range when one is free there. */
    public static int any(String what) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOWEST + RANDOM.nextInt(HIGHEST - LOWEST);
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port for " + what, e);
            }
        }
        throw new IllegalStateException("no free port for " + what + " that was not handed out already");
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

package com.wedsync.perf.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks ports on the loopback interface for servers that should not collide with anything. */
final class FreePorts {

    private FreePorts() {
    }

    /** The port itself when one was asked for (after checking it is free), otherwise any free port. */
    static int resolve(int requested, String what) {
        if (requested != 0) {
            requireFree(requested, what);
            return requested;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for " + what, e);
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

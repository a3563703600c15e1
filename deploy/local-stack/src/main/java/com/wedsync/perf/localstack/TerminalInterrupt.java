package com.wedsync.perf.localstack;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Makes a child of the platform (a service or the broker) deaf to the terminal's Ctrl-C. A terminal signals the
 * whole process group at once, so without this the broker would shut down in the same second as the services whose
 * last transactions and commits it still had to take; the platform, which does hear Ctrl-C, stops the services
 * first and the broker after them (SIGTERM), and a child whose platform is gone stops by itself.
 */
final class TerminalInterrupt {

    private TerminalInterrupt() {
    }

    static void ignore() {
        try {
            Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException unsupported) {
            // No such signal on this platform: nothing signals a process group there either.
        }
    }
}

package com.wedsync.perf.platform.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A WedSync-like page on its own origin (127.0.0.1, a free port) that loads Google's web-vitals and reports to
 * {@code POST /v1/rum} with {@code navigator.sendBeacon}: every path serves the page, {@code /web-vitals.iife.js}
 * the library as npm ships it.
 */
final class LabPage implements AutoCloseable {

    private final HttpServer server;

    private LabPage(HttpServer server) {
        this.server = server;
    }

    static LabPage start(Path webVitalsDist, String rumEndpoint) throws IOException {
        Path library = webVitalsDist.resolve("web-vitals.iife.js");
        if (!Files.isRegularFile(library)) {
            throw new IllegalStateException(library + " is missing: run with -Pbrowser, which installs web-vitals from npm");
        }
        byte[] script = Files.readAllBytes(library);
        byte[] page;
        try (InputStream in = LabPage.class.getResourceAsStream("/browser/lab-page.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__RUM_ENDPOINT__", rumEndpoint)
                    .getBytes(StandardCharsets.UTF_8);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean isLibrary = exchange.getRequestURI().getPath().equals("/web-vitals.iife.js");
            send(exchange, isLibrary ? "text/javascript" : "text/html; charset=utf-8", isLibrary ? script : page);
        });
        server.start();
        return new LabPage(server);
    }

    /** The page's origin, which its tenant must allow. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}

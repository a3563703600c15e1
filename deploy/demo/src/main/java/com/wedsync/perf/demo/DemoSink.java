package com.wedsync.perf.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * A local webhook sink standing where Slack would be: the alerting service delivers the demo's alerts here, and the
 * demo prints them. Answers like Slack's incoming webhooks ({@code 200 ok}).
 */
final class DemoSink implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicReference<String> last = new AtomicReference<>();

    DemoSink(int port, BiConsumer<String, String> onMessage) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.incrementAndGet();
            last.set(body);
            onMessage.accept(exchange.getRequestURI().getPath(), body);
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

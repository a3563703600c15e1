package com.wedsync.perf.alerting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP receiver on 127.0.0.1 standing in for Slack and webhook endpoints: answers each path from a script
 * (status, Retry-After) and then "ok", remembers every request it answered 2xx, and can play an outage: while
 * {@link #down} it drops every connection without an answer.
 */
public final class FakeWebhook {

    public record Scripted(int status, String retryAfter) {
    }

    public record Received(String path, String body, Map<String, List<String>> headers, long atMillis) {
    }

    private static final FakeWebhook SHARED = new FakeWebhook();

    private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> delivered = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private int port;
    private HttpServer server;
    private volatile boolean down;

    public static FakeWebhook shared() {
        return SHARED;
    }

    public synchronized String url(String path) {
        if (server == null) {
            start();
        }
        return "http://127.0.0.1:" + port + path;
    }

    private void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("fake webhook cannot listen on " + port, e);
        }
        port = server.getAddress().getPort();
        server.createContext("/", this::answer);
        server.start();
    }

    /** While true, every request's connection is closed without a response, as by a receiver that is down. */
    public void down(boolean isDown) {
        down = isDown;
    }

    public void script(String path, Scripted... answers) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    public List<Received> delivered(String path) {
        return List.copyOf(delivered.getOrDefault(path, List.of()));
    }

    public int attempts(String path) {
        return attempts.getOrDefault(path, 0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (down) {
            exchange.close();
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        attempts.merge(path, 1, Integer::sum);
        Deque<Scripted> script = scripts.get(path);
        Scripted next = script == null ? null : script.pollFirst();
        int status = next == null ? 200 : next.status();
        if (next != null && next.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", next.retryAfter());
        }
        if (status / 100 == 2) {
            delivered.computeIfAbsent(path, p -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Received(path, body, Map.copyOf(exchange.getRequestHeaders()), System.currentTimeMillis()));
        }
        byte[] answer = (status / 100 == 2 ? "ok" : "error " + status).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}

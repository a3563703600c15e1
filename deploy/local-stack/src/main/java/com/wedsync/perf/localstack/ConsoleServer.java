package com.wedsync.perf.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The ops console's small host: the page and its script from {@code console/} on the classpath, Chart.js from its
 * webjar, and {@code /api/<service>/…} passed on to that service (method, body, Authorization), so the page talks to
 * one origin. Bound to 127.0.0.1.
 */
final class ConsoleServer implements AutoCloseable {

    static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static final Map<String, String> FILES = Map.of("/", "console/index.html", "/index.html", "console/index.html",
            "/app.js", "console/app.js", "/style.css", "console/style.css", "/vendor/chart.umd.js", CHART_JS);

    private final HttpServer server;
    private final Map<String, String> upstreams;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param upstreams service name (ingest, aggregation, alerting, scaling, gate) → its base URL */
    ConsoleServer(int port, Map<String, String> upstreams) throws IOException {
        this.upstreams = Map.copyOf(upstreams);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "console");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/api/")) {
                proxy(exchange, path);
            } else if (FILES.containsKey(path) && exchange.getRequestMethod().equals("GET")) {
                file(exchange, FILES.get(path));
            } else {
                send(exchange, 404, "application/json", "{\"error\":\"not_found\",\"detail\":\"no " + path + " here\"}");
            }
        }
    }

    private void file(HttpExchange exchange, String resource) throws IOException {
        try (InputStream in = ConsoleServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                send(exchange, 404, "application/json", "{\"error\":\"not_found\",\"detail\":\"" + resource + " is missing\"}");
                return;
            }
            String type = resource.endsWith(".html") ? "text/html; charset=utf-8" : resource.endsWith(".css")
                    ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void proxy(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.split("/", 4);
        String base = parts.length > 2 ? upstreams.get(parts[2]) : null;
        if (base == null) {
            send(exchange, 404, "application/json", "{\"error\":\"unknown_service\",\"detail\":\"services: "
                    + upstreams.keySet() + "\"}");
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        URI target = URI.create(base + "/" + (parts.length > 3 ? parts[3] : "") + (query == null ? "" : "?" + query));
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("Authorization", "Content-Type")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            send(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"),
                    response.body());
        } catch (IOException e) {
            send(exchange, 502, "application/json", "{\"error\":\"upstream_unavailable\",\"detail\":\"" + parts[2]
                    + " did not answer: " + e.getClass().getSimpleName() + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

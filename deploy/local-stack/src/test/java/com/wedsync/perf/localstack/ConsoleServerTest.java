package com.wedsync.perf.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The console's host: its page, script and Chart.js, and the /api/ proxy to a real HTTP upstream on 127.0.0.1. */
class ConsoleServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeThePageItsScriptAndChartJs() throws Exception {
        try (ConsoleServer console = new ConsoleServer(0, Map.of())) {
            HttpResponse<String> page = get(console.url() + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("/vendor/chart.umd.js", "/app.js");
            assertThat(get(console.url() + "/app.js").body()).contains("async function api(");
            HttpResponse<String> chart = get(console.url() + "/vendor/chart.umd.js");
            assertThat(chart.statusCode()).isEqualTo(200);
            assertThat(chart.body()).contains("Chart.js");
            assertThat(get(console.url() + "/etc/passwd").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void shouldPassApiCallsToTheirServiceWithMethodBodyTokenAndStatus() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders()
                    .getFirst("Authorization") + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"error\":\"conflict\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        try (ConsoleServer console = new ConsoleServer(0, Map.of("alerting", "http://127.0.0.1:" + upstream.getAddress().getPort(),
                "gate", "http://127.0.0.1:1"))) {
            HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(console.url() + "/api/alerting/v1/alerts/a-1/ack?x=1"))
                    .header("Authorization", "Bearer rt_demo").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"console\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(proxied.statusCode()).isEqualTo(409);
            assertThat(proxied.body()).isEqualTo("{\"error\":\"conflict\"}");
            assertThat(seen).containsExactly("POST /v1/alerts/a-1/ack?x=1 Bearer rt_demo {\"by\":\"console\"}");

            HttpResponse<String> unknown = get(console.url() + "/api/nowhere/v1/x");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("unknown_service");
            HttpResponse<String> down = get(console.url() + "/api/gate/v1/gates/history");
            assertThat(down.statusCode()).isEqualTo(502);
            assertThat(down.body()).contains("upstream_unavailable").contains("gate");
        } finally {
            upstream.stop(0);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

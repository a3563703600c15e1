package com.wedsync.perf.platform.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A WedSync-like page on its own origin (127.0.0.1, a free port) that loads Google's web-vitals and reports to
 * {@code POST /v1/rum} with {@code navigator.sendBeacon}: {@value #ATTRIBUTION_PAGE} the page built with the
 * attribution build, every other path the plain page; {@code /web-vitals.iife.js} and
 * {@code /web-vitals.attribution.iife.js} the libraries as npm ships them, {@code /img/hero.png} the attribution page's
 * large image, {@value #STATUS_PAGE} an empty page on the same origin.
 */
final class LabPage implements AutoCloseable {

    /** The page built with web-vitals' attribution build: a 400 ms click handler and a 350 KB PNG as its LCP. */
    static final String ATTRIBUTION_PAGE = "/weddings/2041/rsvp";
    /** A page without web-vitals, for reading what the lab's pages left in this origin's storage. */
    static final String STATUS_PAGE = "/lab-status";
    static final int HERO_WIDTH = 400;
    static final int HERO_HEIGHT = 300;

    private final HttpServer server;

    private LabPage(HttpServer server) {
        this.server = server;
    }

    static LabPage start(Path webVitalsDist, String rumEndpoint) throws IOException {
        byte[] script = library(webVitalsDist, "web-vitals.iife.js");
        byte[] attributionScript = library(webVitalsDist, "web-vitals.attribution.iife.js");
        byte[] page = page("/browser/lab-page.html", rumEndpoint);
        byte[] attributionPage = page("/browser/attribution-page.html", rumEndpoint);
        byte[] hero = heroPng();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/web-vitals.iife.js" -> send(exchange, "text/javascript", script);
                case "/web-vitals.attribution.iife.js" -> send(exchange, "text/javascript", attributionScript);
                case "/img/hero.png" -> send(exchange, "image/png", hero);
                case STATUS_PAGE -> send(exchange, "text/html; charset=utf-8", "<!doctype html><title>lab</title>"
                        .getBytes(StandardCharsets.UTF_8));
                default -> send(exchange, "text/html; charset=utf-8", path.startsWith(ATTRIBUTION_PAGE) ? attributionPage : page);
            }
        });
        server.start();
        return new LabPage(server);
    }

    /** A PNG of noise, which does not compress: {@value #HERO_WIDTH}×{@value #HERO_HEIGHT} pixels are about 350 KB. */
    static byte[] heroPng() throws IOException {
        BufferedImage image = new BufferedImage(HERO_WIDTH, HERO_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(2041);
        for (int y = 0; y < HERO_HEIGHT; y++) {
            for (int x = 0; x < HERO_WIDTH; x++) {
                image.setRGB(x, y, noise.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static byte[] library(Path dist, String file) throws IOException {
        Path library = dist.resolve(file);
        if (!Files.isRegularFile(library)) {
            throw new IllegalStateException(library + " is missing: run with -Pbrowser, which installs web-vitals from npm");
        }
        return Files.readAllBytes(library);
    }

    private static byte[] page(String resource, String rumEndpoint) throws IOException {
        try (InputStream in = LabPage.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__RUM_ENDPOINT__", rumEndpoint)
                    .getBytes(StandardCharsets.UTF_8);
        }
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

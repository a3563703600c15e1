package com.wedsync.perf.gate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/**
 * A Lighthouse result the size of a real one (~450 KB): the test fixture plus the bulk real reports carry — a
 * full-page screenshot as base64, a hundred and fifty more audits with tables of requests, the i18n strings.
 */
final class RealSizedLhr {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealSizedLhr() {
    }

    static ObjectNode of(String url, double lcp, Random random) throws IOException {
        ObjectNode lhr;
        try (InputStream in = RealSizedLhr.class.getResourceAsStream("/lhr/lhr-home-1.json")) {
            lhr = (ObjectNode) JSON.readTree(in);
        }
        lhr.put("requestedUrl", url).put("finalDisplayedUrl", url);
        ((ObjectNode) lhr.path("audits").path("largest-contentful-paint")).put("numericValue", lcp);
        byte[] screenshot = new byte[160_000];
        random.nextBytes(screenshot);
        lhr.putObject("fullPageScreenshot").putObject("screenshot")
                .put("data", "data:image/webp;base64," + java.util.Base64.getEncoder().encodeToString(screenshot))
                .put("width", 412).put("height", 2400);
        ObjectNode audits = (ObjectNode) lhr.path("audits");
        for (int a = 0; a < 150; a++) {
            ObjectNode audit = audits.putObject("synthetic-audit-" + a);
            audit.put("id", "synthetic-audit-" + a).put("title", "An audit real reports carry").put("score", 1)
                    .put("scoreDisplayMode", "numeric").put("numericValue", random.nextDouble() * 1000);
            ArrayNode items = audit.putObject("details").put("type", "table").putArray("items");
            for (int i = 0; i < 12; i++) {
                items.addObject().put("url", url + "static/chunks/" + Long.toHexString(random.nextLong()) + ".js")
                        .put("transferSize", random.nextInt(200_000)).put("wastedMs", random.nextDouble() * 300);
            }
        }
        ObjectNode strings = lhr.putObject("i18n").putObject("rendererFormattedStrings");
        for (int s = 0; s < 300; s++) {
            strings.put("string" + s, "A formatted string of the report renderer, number " + s);
        }
        return lhr;
    }

    static int size(JsonNode node) throws IOException {
        return JSON.writeValueAsBytes(node).length;
    }
}

package com.wedsync.perf.gate.lighthouse;

import com.wedsync.perf.gate.input.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Lighthouse results as lhci collect writes them. */
class LighthouseParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadScoresAuditsAndResourceSizes() throws IOException {
        LighthouseRun run = LighthouseParser.parse(fixture("lhr-home-1.json"), "lhr-home-1.json");
        assertThat(run.url()).isEqualTo("https://app.wedsync.example/");
        assertThat(run.lighthouseVersion()).isEqualTo("12.8.0");
        assertThat(run.score("performance")).contains(96.0);
        assertThat(run.score("seo")).contains(100.0);
        assertThat(run.audit("largest-contentful-paint")).contains(1840.6);
        assertThat(run.audit("cumulative-layout-shift")).contains(0.012);
        assertThat(run.audits()).doesNotContainKey("server-response-time");
        assertThat(run.resourceBytes()).containsEntry("script", 401233.0).containsEntry("total", 612345.0);
    }

    @Test
    void shouldReadTheFormFactorLighthouseTestedAsAndItsFailingAudits() throws IOException {
        LighthouseRun real = LighthouseParser.parse(fixture("rsvp-lighthouse-12.8.2.json"), "rsvp");
        assertThat(real.formFactor()).isEqualTo("mobile");
        assertThat(real.page()).isEqualTo("http://127.0.0.1:8099/weddings/123/rsvp/?guest=a@b.com (mobile)");
        assertThat(real.findings()).extracting(f -> f.audit()).contains("modern-image-formats", "render-blocking-resources");

        ObjectNode desktop = (ObjectNode) fixture("rsvp-lighthouse-12.8.2.json");
        ((ObjectNode) desktop.path("configSettings")).put("formFactor", "desktop");
        assertThat(LighthouseParser.parse(desktop, "rsvp").formFactor()).isEqualTo("desktop");

        ObjectNode unsaid = (ObjectNode) fixture("lhr-home-1.json");
        unsaid.remove("configSettings");
        assertThat(LighthouseParser.parse(unsaid, "home").formFactor()).as("Lighthouse's default").isEqualTo("mobile");

        ObjectNode tablet = (ObjectNode) fixture("lhr-home-1.json");
        tablet.putObject("configSettings").put("formFactor", "tablet<script>");
        assertThatThrownBy(() -> LighthouseParser.parse(tablet, "lighthouse[3]")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("lighthouse[3]").hasMessageContaining("mobile or desktop");
    }

    @Test
    void shouldRefuseARunLighthouseItselfReportsAsFailed() throws IOException {
        ObjectNode lhr = (ObjectNode) fixture("lhr-home-1.json");
        lhr.putObject("runtimeError").put("code", "NO_FCP").put("message", "The page did not paint any content.");
        assertThatThrownBy(() -> LighthouseParser.parse(lhr, "lighthouse[0]"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("lighthouse[0]").hasMessageContaining("NO_FCP");
    }

    @Test
    void shouldRefuseJsonThatIsNotALighthouseResult() throws IOException {
        assertThatThrownBy(() -> LighthouseParser.parse(JSON.readTree("{\"assets\":[]}"), "stats.json"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("not a Lighthouse result");
        assertThatThrownBy(() -> LighthouseParser.parse(JSON.readTree("[1,2]"), "lighthouse[1]"))
                .hasMessageContaining("not a JSON object");
        ObjectNode noUrl = (ObjectNode) fixture("lhr-home-1.json");
        noUrl.remove(java.util.List.of("requestedUrl", "finalDisplayedUrl", "mainDocumentUrl"));
        assertThatThrownBy(() -> LighthouseParser.parse(noUrl, "x")).hasMessageContaining("no finalDisplayedUrl");
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = LighthouseParserTest.class.getResourceAsStream("/lhr/" + name)) {
            return JSON.readTree(in);
        }
    }
}

package com.wedsync.perf.gate.lighthouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.model.event.LabFinding;
import com.wedsync.perf.model.event.LabFindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The findings of a real Lighthouse 12.8.2 run (headless Chromium, performance only) of an RSVP page with a 358 KB PNG
 * as its LCP and a 380 KB render-blocking script, opened with {@code ?guest=a@b.com}.
 */
class LabFindingsReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldKeepTheFailingAuditsWithASavingLargestFirst() throws IOException {
        List<LabFinding> findings = LabFindingsReader.read(LighthouseParserTest.fixture("rsvp-lighthouse-12.8.2.json"));

        assertThat(findings).extracting(LabFinding::audit).containsExactly("largest-contentful-paint-element",
                "render-blocking-resources", "unused-javascript", "uses-text-compression", "modern-image-formats",
                "unminified-javascript", "viewport");
        LabFinding images = find(findings, "modern-image-formats");
        assertThat(images.group()).isEqualTo("opportunity");
        assertThat(images.title()).isEqualTo("Serve images in next-gen formats");
        assertThat(images.savings("LCP")).isEqualTo(900.0);
        assertThat(images.savingsBytes()).isEqualTo(164062.4);
        assertThat(images.resource()).isEqualTo("http://127.0.0.1:8099/img/hero.png");
        assertThat(find(findings, "unused-javascript").resource()).isEqualTo("http://127.0.0.1:8099/static/js/guests.*.js");
        assertThat(find(findings, "viewport").group()).isEqualTo("diagnostic");
        assertThat(find(findings, "viewport").savings("INP")).isEqualTo(300.0);
        assertThat(findings).as("passing audits and audits without a saving (uses-long-cache-ttl) are not advice")
                .extracting(LabFinding::audit).doesNotContain("uses-long-cache-ttl", "uses-responsive-images", "dom-size");
        assertThat(findings).as("the hidden insights repeat the visible audits").extracting(LabFinding::audit)
                .noneMatch(id -> id.endsWith("-insight"));
        assertThat(JSON.writeValueAsString(findings)).doesNotContain("a@b.com", "guest=");
    }

    @Test
    void shouldReadAnOlderReportsSavingInMillisecondsAsLcp() throws IOException {
        JsonNode lhr = JSON.readTree("""
                {"categories":{"performance":{"auditRefs":[{"id":"uses-rel-preconnect","group":"load-opportunities"},
                  {"id":"metric-only","group":"metrics"}]}},
                 "audits":{"uses-rel-preconnect":{"title":"Preconnect to required origins","score":0.5,
                   "details":{"type":"opportunity","overallSavingsMs":320,"items":[{"url":"https://fonts.example/css?family=x","wastedMs":320}]}},
                  "metric-only":{"title":"x","score":0,"details":{"overallSavingsMs":999}}}}""");

        assertThat(LabFindingsReader.read(lhr)).singleElement().satisfies(finding -> {
            assertThat(finding.audit()).isEqualTo("uses-rel-preconnect");
            assertThat(finding.metricSavings()).containsExactlyEntriesOf(java.util.Map.of("LCP", 320.0));
            assertThat(finding.resource()).isEqualTo("https://fonts.example/css");
        });
    }

    @Test
    void shouldNotKeepATitleThatCarriesAnAddressOrANumber() {
        assertThat(LabFindingsReader.plainTitle("Reduce unused JavaScript", "unused-javascript")).isEqualTo("Reduce unused JavaScript");
        assertThat(LabFindingsReader.plainTitle("Mail jane@example.com", "x")).isEqualTo("x");
        assertThat(LabFindingsReader.plainTitle("See https://evil.example", "x")).isEqualTo("x");
        assertThat(LabFindingsReader.plainTitle("Guest 4711 slow", "x")).isEqualTo("x");
        assertThat(LabFindingsReader.plainTitle("a".repeat(121), "x")).isEqualTo("x");
    }

    @Test
    void shouldIgnoreMalformedAuditsAndKeepAtMostThirty() throws IOException {
        ObjectNode lhr = JSON.createObjectNode();
        ArrayNode refs = lhr.putObject("categories").putObject("performance").putArray("auditRefs");
        ObjectNode audits = lhr.putObject("audits");
        for (int i = 0; i < 40; i++) {
            refs.addObject().put("id", "audit-" + i).put("group", "diagnostics");
            audits.putObject("audit-" + i).put("title", "An audit").put("score", 0).putObject("metricSavings").put("TBT", i + 1);
        }
        refs.addObject().put("id", "no-score").put("group", "diagnostics");
        audits.putObject("no-score").put("title", "t").putObject("metricSavings").put("LCP", 5000);
        refs.addObject().put("id", "text-saving").put("group", "diagnostics");
        audits.putObject("text-saving").put("title", "t").put("score", 0).putObject("metricSavings").put("LCP", "lots");
        refs.addObject().put("id", "missing").put("group", "diagnostics");

        List<LabFinding> findings = LabFindingsReader.read(lhr);

        assertThat(findings).hasSize(LabFindings.MAX_FINDINGS);
        assertThat(findings.get(0).audit()).isEqualTo("audit-39");
        assertThat(findings).extracting(LabFinding::audit).doesNotContain("no-score", "text-saving", "missing", "audit-0");
    }

    private static LabFinding find(List<LabFinding> findings, String audit) {
        return findings.stream().filter(f -> f.audit().equals(audit)).findFirst().orElseThrow();
    }
}

package com.wedsync.perf.model.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Selectors and resource URLs as attribution may keep them: patterns, never a person's data, stable when re-read. */
class AttributionPatternsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "button#save-rsvp | button#save-rsvp",
            "main>ul>li#guest-8231.row>button.btn | main>ul>li#:id.row>button.btn",
            "div#3f2504e0-4f89-11d3-9a0c-0305e82c3301 | div#:uuid",
            "a[href=\"mailto:jane@example.com\"] | a[href]",
            "td.jane.doe@example.com | :email",
            "span.c-8f3e2a91bd7c4e0f | span.:token",
            "div.x   >   p | div.x > p",
            "p\u0000<script>alert(1)</script> | pscript>alert(1)script>"})
    void shouldKeepSelectorsAsPatterns(String selector, String kept) {
        assertThat(SelectorPattern.of(selector)).isEqualTo(kept);
        assertThat(SelectorPattern.of(kept)).as("idempotent: a kept selector read again stays").isEqualTo(kept);
    }

    @Test
    void shouldBoundSelectors() {
        assertThat(SelectorPattern.of("div>".repeat(500))).hasSizeLessThanOrEqualTo(SelectorPattern.MAX_LENGTH);
        assertThat(SelectorPattern.of("\"'")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://app.wedsync.example/static/js/guests.3f9a1c2b.js?v=1 | https://app.wedsync.example/static/js/guests.*.js",
            "https://app.wedsync.example/static/js/modal-8f3e2a91.js | https://app.wedsync.example/static/js/modal-*.js",
            "https://img.wedsync.example/photos/8231/cover.png?token=abc#x | https://img.wedsync.example/photos/:id/cover.png",
            "HTTPS://CDN.Example.NET:8443/u/jane@example.com/a.jpg | https://cdn.example.net:8443/u/:email/a.jpg",
            "/static/css/main.css | /static/css/main.css",
            "https://app.wedsync.example/static/js/chunk.8231.js | https://app.wedsync.example/static/js/chunk.*.js"})
    void shouldKeepResourceUrlsAsOriginAndPathPattern(String url, String kept) {
        assertThat(ResourcePattern.of(url)).isEqualTo(kept);
        assertThat(ResourcePattern.of(kept)).as("idempotent").isEqualTo(kept);
    }

    @Test
    void shouldKeepNoUrlThatNamesNoResourceOfTheSite() {
        assertThat(ResourcePattern.of("data:image/png;base64,AAAA")).isNull();
        assertThat(ResourcePattern.of("chrome-extension://abc/x.js")).isNull();
        assertThat(ResourcePattern.of("")).isNull();
    }

    @Test
    void shouldTellImagesAndScriptsApart() {
        assertThat(ResourceKind.of("img", "https://x/a.png")).isEqualTo(ResourceKind.IMAGE);
        assertThat(ResourceKind.of(null, "https://x/a.jpeg")).isEqualTo(ResourceKind.IMAGE);
        assertThat(ResourceKind.of("script", "https://x/app")).isEqualTo(ResourceKind.SCRIPT);
        assertThat(ResourceKind.of("link", "https://x/app.*.js")).isEqualTo(ResourceKind.SCRIPT);
        assertThat(ResourceKind.isModernImage("https://x/a.webp")).isTrue();
        assertThat(ResourceKind.isModernImage("https://x/a.png")).isFalse();
    }
}

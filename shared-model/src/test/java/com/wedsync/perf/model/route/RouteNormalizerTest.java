package com.wedsync.perf.model.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://app.example.com/clients/8231/forms?token=abc#x | /clients/:id/forms",
            "https://APP.Example.COM/clients/8231/forms/           | /clients/:id/forms",
            "http://user:secret@app.example.com:8443/dashboard     | /dashboard",
            "//cdn.example.com/guests                              | /guests",
            "/clients/8231/forms                                   | /clients/:id/forms",
            "clients/8231                                          | /clients/:id",
            "https://app.example.com                               | /",
            "https://app.example.com/?utm_source=mail              | /",
            "https://app.example.com/#/weddings/55                 | /",
            "/weddings//42///timeline                              | /weddings/:id/timeline",
            "/reports/2025-06-14/summary                           | /reports/:id/summary",
            "/invoices/inv-8231                                    | /invoices/:id",
            "/v2/api/guests                                        | /v2/api/guests"})
    void shouldReduceUrlsToRoutes(String url, String route) {
        assertThat(RouteNormalizer.normalize(url)).isEqualTo(route);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/weddings/3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b/guests | /weddings/:uuid/guests",
            "/weddings/3F2B8C1E-9A4D-4E6F-8B7A-1C2D3E4F5A6B       | /weddings/:uuid",
            "/share/9f86d081884c7d659a2feaa0c55ad015              | /share/:token",
            "/invite/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc | /invite/:token",
            "/reset/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==              | /reset/:token",
            "/r/aZ3kF9xQ2mP8vL1nR7tY                              | /r/:token",
            "/venues/summer-garden-reception-hall                 | /venues/summer-garden-reception-hall",
            "/settings/notificationPreferences                    | /settings/notificationPreferences"})
    void shouldReplaceUuidsAndTokensButKeepWordsAndSlugs(String url, String route) {
        assertThat(RouteNormalizer.normalize(url)).isEqualTo(route);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/users/jane.doe@example.com/profile       | /users/:email/profile",
            "/users/jane.doe%40example.com/profile     | /users/:email/profile",
            "/users/jane.doe%2540example.com/profile   | /users/:email/profile",
            "/users/JANE%40EXAMPLE.CO.UK               | /users/:email",
            "/invite/to-jane@example.com               | /invite/:email"})
    void shouldHideEmailAddressesHoweverEncoded(String url, String route) {
        assertThat(RouteNormalizer.normalize(url)).isEqualTo(route);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/a/b/../c                 | /a/c",
            "/a/./b/.                  | /a/b",
            "/../../etc/passwd         | /etc/passwd",
            "/a/%2e%2e/b               | /b",
            "/clients/..               | /",
            "/a\\b\\c                  | /a/b/c"})
    void shouldResolveDotSegmentsWithoutClimbingAboveTheRoot(String url, String route) {
        assertThat(RouteNormalizer.normalize(url)).isEqualTo(route);
    }

    @Test
    void shouldDropMatrixParametersThatCarrySessionIds() {
        assertThat(RouteNormalizer.normalize("/guests;jsessionid=ABC123DEF456/list"))
                .isEqualTo("/guests/list");
    }

    @Test
    void shouldKeepUnicodeNamesInTheirComposedForm() {
        assertThat(RouteNormalizer.normalize("https://app.example.com/%C3%BCber-uns/8231")).isEqualTo("/über-uns/:id");
        assertThat(RouteNormalizer.normalize("/u\u0308ber-uns")).isEqualTo("/\u00fcber-uns");
        assertThat(RouteNormalizer.normalize("/客户/8231/表单")).isEqualTo("/客户/:id/表单");
    }

    @Test
    void shouldReEncodeControlCharactersWhitespaceAndSlashesInsideASegment() {
        assertThat(RouteNormalizer.normalize("/guest%20list/a%0Ab")).isEqualTo("/guest%20list/a%0Ab");
        assertThat(RouteNormalizer.normalize("/files/a%2Fb")).isEqualTo("/files/a%2Fb");
        assertThat(RouteNormalizer.normalize("/bad/%C3%28")).isEqualTo("/bad/%EF%BF%BD(");
    }

    @Test
    void shouldLeaveMalformedEscapesAsTheyAre() {
        assertThat(RouteNormalizer.normalize("/discount/100%/x%zz")).isEqualTo("/discount/:id/x%25zz");
    }

    @Test
    void shouldBoundVeryLongPathsAndMarkTheCut() {
        String longPath = "/section".repeat(200);
        String route = RouteNormalizer.normalize(longPath);
        assertThat(route).hasSizeLessThanOrEqualTo(RouteNormalizer.MAX_LENGTH).endsWith("/" + RouteNormalizer.TRUNCATED);
        assertThat(route.split("/")).hasSizeLessThanOrEqualTo(RouteNormalizer.MAX_SEGMENTS + 1);

        String wordy = "/" + "abcdefghij-klmnopqrst-".repeat(2) + "/" + "x".repeat(300);
        assertThat(RouteNormalizer.normalize(wordy)).isEqualTo("/abcdefghij-klmnopqrst-abcdefghij-klmnopqrst-/:token");
    }

    @Test
    void shouldKeepARouteThatFitsExactlyUnchanged() {
        String segment = "/section";
        String path = segment.repeat(RouteNormalizer.MAX_SEGMENTS);
        assertThat(RouteNormalizer.normalize(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "?", "#", "https://app.example.com/?"})
    void shouldTurnNothingIntoTheRoot(String url) {
        assertThat(RouteNormalizer.normalize(url)).isEqualTo("/");
    }

    @Test
    void shouldBeIdempotent() {
        String once = RouteNormalizer.normalize("https://app.example.com/users/jane%40example.com/guests/4411?x=1");
        assertThat(RouteNormalizer.normalize(once)).isEqualTo(once).isEqualTo("/users/:email/guests/:id");
    }

    /**
     * Hostile URLs: a 16 KB segment built to make the e-mail pattern backtrack (750 ms per URL before segments were
     * bounded first) and a 1 MB URL are placeholders or cut, never fed whole to a pattern.
     */
    @Test
    void shouldBoundWhatItReadsOfHostileUrls() {
        assertThat(RouteNormalizer.normalize("/p/" + "a.".repeat(4000) + "@" + "b.".repeat(4000))).isEqualTo("/p/:token");
        String huge = RouteNormalizer.normalize("/q/" + "section/".repeat(130_000));
        assertThat(huge).endsWith("/" + RouteNormalizer.TRUNCATED);
        assertThat(huge.length()).isLessThanOrEqualTo(RouteNormalizer.MAX_LENGTH);
        assertThat(RouteNormalizer.normalize("/p/ann@example.com/x")).as("short segments are still classified")
                .isEqualTo("/p/:email/x");
    }
}

package com.wedsync.perf.platform.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.wedsync.perf.model.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Google's Lighthouse CLI (from npm, installed by the browser profile) run against a page in Debian's headless
 * Chromium, performance category only, as a CI job would before calling the gate. {@code CHROMIUM_BINARY} names
 * another browser.
 */
final class LighthouseCli {

    private static final long TIMEOUT_SECONDS = 180;

    private LighthouseCli() {
    }

    /** The Lighthouse result (LHR) of one run of {@code url}; its report and log are kept in {@code workDir}. */
    static JsonNode run(String url, Path workDir) throws IOException, InterruptedException {
        Path cli = Path.of(System.getProperty("lighthouse.cli", "target/npm/node_modules/.bin/lighthouse"));
        if (!Files.isExecutable(cli)) {
            throw new IllegalStateException(cli + " is missing: run with -Pbrowser, which installs lighthouse from npm");
        }
        Path report = workDir.resolve("lhr.json");
        Path log = workDir.resolve("lighthouse.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(cli.toAbsolutePath().toString(), url, "--output=json",
                "--output-path=" + report, "--only-categories=performance", "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CHROME_PATH", System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
        Process lighthouse = builder.start();
        if (!lighthouse.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            lighthouse.destroyForcibly();
            throw new IllegalStateException("Lighthouse did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(log));
        }
        if (lighthouse.exitValue() != 0 || !Files.isRegularFile(report)) {
            throw new IllegalStateException("Lighthouse failed (exit " + lighthouse.exitValue() + "): " + Files.readString(log));
        }
        return Json.mapper().readTree(report.toFile());
    }
}

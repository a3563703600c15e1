package com.wedsync.perf.platform.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through Debian's chromedriver, headless, with nothing downloaded: the paths are given, so
 * Selenium Manager is never asked for a browser or a driver. {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} name
 * other ones.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("browser.screenshots", "target/browser-screenshots"));

    /** Only WebDriver is used, never DevTools: Selenium's note that it has no CDP for this Chromium is noise. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
            Logger.getLogger("org.openqa.selenium.chromium"));

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static HeadlessChromium start() {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        String binary = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
        for (String path : new String[] {binary, chromedriver}) {
            if (!new File(path).canExecute()) {
                throw new IllegalStateException(path + " is missing: the browser suite needs Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary(binary);
        // As root in a container: no sandbox, no GPU; and no calls home, which this closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Waits up to {@code seconds} for the condition to give something other than null or false; an element the
     * page re-rendered meanwhile is looked for again.
     */
    <T> T await(int seconds, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(250))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Saves what the window shows as {@code <name>.png} under target/browser-screenshots. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}

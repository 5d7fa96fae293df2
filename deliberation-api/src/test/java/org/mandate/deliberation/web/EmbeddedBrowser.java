package org.mandate.deliberation.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EmbeddedWeb}'s server driven by a real headless Chromium: Debian's chromium and chromium-driver (or
 * CHROME_BIN / CHROMEDRIVER). Without them a browser test fails, it does not skip. Screenshots go to
 * target/screenshots/.
 */
abstract class EmbeddedBrowser extends EmbeddedWeb {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path profile;

    static ChromeDriver driver;

    /** Runs after {@link EmbeddedWeb}'s server has started (JUnit runs a superclass's @BeforeAll first). */
    @BeforeAll
    static void startBrowser() {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is missing at " + CHROMIUM
                + ": install it with `apt-get install -y chromium chromium-driver` (or set CHROME_BIN)");
        assertTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is missing at " + CHROMEDRIVER
                + ": install it with `apt-get install -y chromium-driver` (or set CHROMEDRIVER)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1100,1400", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    /** Runs before the server stops (JUnit runs a subclass's @AfterAll first). */
    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
        driver = null;
    }

    /** Saves what the browser shows now as target/screenshots/{@code name}.png (kept for people to look at). */
    static void screenshot(String name) throws IOException {
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

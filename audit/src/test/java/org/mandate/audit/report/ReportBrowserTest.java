package org.mandate.audit.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The transparency report in a real headless Chromium, opened from disk as a reader would: both languages
 * render their title and headings, every chart has a size on screen, the console stays free of errors and
 * the page fetches nothing. Full-page screenshots go to target/screenshots/. Needs Debian's chromium and
 * chromium-driver (CHROME_BIN / CHROMEDRIVER override the paths): without them this test fails, it does
 * not skip.
 */
class ReportBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int WIDTH = 1280;
    static final int HEIGHT = 4000;

    /** Markup in the title checks the page escapes it: the browser must show it verbatim. */
    static final String TITLE = "Transparency report <Panel 7> & friends";

    @TempDir
    static Path profile;

    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is missing at " + CHROMIUM + ": install it with `apt-get install chromium chromium-driver` (or set CHROME_BIN)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            fail("chromedriver is missing at " + CHROMEDRIVER + ": install it with `apt-get install chromium chromium-driver` (or set CHROMEDRIVER)");
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-GB");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
    }

    @Test
    void theTwoRunReportRendersCleanlyInBothLanguages(@TempDir Path dir) throws IOException {
        WrittenReport w = ReportWriter.write(ReportFixtures.input(TITLE), dir);
        check(w.indexHtml(), "en", headings(false, false), "report-plain-en");
        check(w.indexFrHtml(), "fr", headings(true, false), "report-plain-fr");
    }

    @Test
    void theReportWithTradeOffCurveAndStrataRendersCleanlyInBothLanguages(@TempDir Path dir) throws IOException {
        WrittenReport w = ReportWriter.write(ReportFixtures.full(TITLE),
                new ReportSections(ReportSectionsTest.curve(), List.of(ReportSectionsTest.turnout())), dir);
        check(w.indexHtml(), "en", headings(false, true), "report-en");
        assertTrue(driver.findElement(By.cssSelector("a[hreflang=fr]")).getAttribute("href").endsWith("/index.fr.html"),
                "the English page links to the French one");
        assertFalse(driver.findElements(By.cssSelector("section[aria-labelledby=tradeoff] svg")).isEmpty(), "the trade-off chart is drawn");
        assertFalse(driver.findElements(By.cssSelector("section[aria-labelledby=strata] table")).isEmpty(), "the strata table is shown");
        assertFalse(driver.findElements(By.cssSelector("section[aria-labelledby=mandate] svg")).isEmpty(), "the weights are drawn with their intervals");
        assertEquals(4, driver.findElements(By.cssSelector("section[aria-labelledby=datasheet] .bad")).size(), "four datasheet fields are not declared");
        assertEquals("rgba(179, 38, 30, 1)", driver.findElement(By.cssSelector("section[aria-labelledby=datasheet] .bad")).getCssValue("color"),
                "what is not declared is shown in red");
        assertFalse(driver.findElements(By.cssSelector("section[aria-labelledby=bridging] table")).isEmpty(), "the bridging statements are shown");
        check(w.indexFrHtml(), "fr", headings(true, true), "report-fr");
        assertTrue(driver.findElement(By.cssSelector("a[hreflang=en]")).getAttribute("href").endsWith("/index.html"),
                "the French page links to the English one");
        assertFalse(driver.findElements(By.cssSelector("section[aria-labelledby=tradeoff] svg")).isEmpty(), "the trade-off chart is drawn");
    }

    /** The h2 of each section by id, in the page's language. */
    private static Map<String, String> headings(boolean fr, boolean sections) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("contents", fr ? "Sommaire" : "Contents");
        h.put("summary", fr ? "En bref" : "In short");
        h.put("panel", fr ? "Le panel citoyen" : "The citizen panel");
        h.put("timeline", fr ? "Calendrier" : "Timeline");
        if (sections) h.put("strata", fr ? "Qui a participé" : "Who took part");
        h.put("bridging", fr ? "Là où les groupes s'accordent" : "Where the groups agreed");
        h.put("mandate", fr ? "Le mandat" : "The mandate");
        h.put("results", fr ? "Résultats par objectif" : "Results per objective");
        if (sections) h.put("tradeoff", fr ? "L'arbitrage" : "The trade-off");
        h.put("datasheet", fr ? "Les données et les personnes derrière elles" : "The data and the people behind it");
        h.put("provenance", fr ? "Provenance de l'entraînement" : "Training provenance");
        h.put("ledger", fr ? "Vérification du registre" : "Verification of the record");
        return h;
    }

    private static void check(Path page, String lang, Map<String, String> headings, String screenshot) throws IOException {
        driver.manage().logs().get(LogType.BROWSER); // drop anything left from the previous page
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        String url = page.toUri().toString();
        driver.get(url);
        String where = page.getFileName() + ": ";

        // The console first: an error there explains most other failures.
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) severe.add(e.getLevel() + " " + e.getMessage());
        }
        assertTrue(severe.isEmpty(), where + "console errors: " + severe);

        assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"), where + "html lang");
        assertEquals(TITLE, driver.getTitle(), where + "document title");
        assertEquals(TITLE, driver.findElement(By.tagName("h1")).getText(), where + "h1");
        List<WebElement> h2s = driver.findElements(By.tagName("h2"));
        assertEquals(new ArrayList<>(headings.keySet()), h2s.stream().map(e -> e.getAttribute("id")).toList(), where + "sections, in order");
        for (WebElement h2 : h2s) {
            String expected = headings.get(h2.getAttribute("id"));
            assertTrue(h2.isDisplayed() && h2.getText().startsWith(expected), where + "h2#" + h2.getAttribute("id") + " reads '" + h2.getText() + "', expected '" + expected + "'");
        }

        JavascriptExecutor js = driver;
        List<WebElement> svgs = driver.findElements(By.tagName("svg"));
        assertFalse(svgs.isEmpty(), where + "the report draws its charts as inline SVG");
        for (WebElement svg : svgs) {
            String label = "svg[aria-labelledby=" + svg.getAttribute("aria-labelledby") + "]";
            Rectangle r = svg.getRect();
            assertTrue(r.getWidth() > 0 && r.getHeight() > 0, where + label + " renders at " + r.getWidth() + "x" + r.getHeight());
            // chromedriver gives an SVG with display:none a non-zero rect, so the layout box is read as well.
            List<?> box = (List<?>) js.executeScript("const b = arguments[0].getBoundingClientRect(); return [b.width, b.height]", svg);
            double w = ((Number) box.get(0)).doubleValue(), h = ((Number) box.get(1)).doubleValue();
            assertTrue(svg.isDisplayed() && w > 0 && h > 0, where + label + " is laid out at " + w + "x" + h + ", displayed " + svg.isDisplayed());
        }

        Object resources = js.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertEquals(List.of(), resources, where + "the page must load nothing (resource timing)");
        Object fetching = js.executeScript("return Array.from(document.querySelectorAll("
                + "'script, link[href], img, iframe, object, embed, video, audio, source, image, [src]')).map(e => e.outerHTML.slice(0, 120))");
        assertEquals(List.of(), fetching, where + "no element that could fetch or run anything");
        // Resource timing records http(s) fetches but not file:// ones, so the styles are read too.
        Object styleUrls = js.executeScript("return Array.from(document.styleSheets)"
                + ".flatMap(s => Array.from(s.cssRules).map(r => r.cssText))"
                + ".concat(Array.from(document.querySelectorAll('[style]')).map(e => e.getAttribute('style')))"
                + ".filter(t => /@import|url\\((?![\"']?#)/.test(t))");
        assertEquals(List.of(), styleUrls, where + "no style that loads a file");
        assertEquals(url, driver.getCurrentUrl(), where + "still on the page");

        shoot(screenshot);
    }

    /** Grows the window to the page's full height, then screenshots it. */
    private static void shoot(String name) throws IOException {
        JavascriptExecutor js = driver;
        long page = ((Number) js.executeScript("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        long viewport = ((Number) js.executeScript("return window.innerHeight")).longValue();
        if (page > viewport) {
            driver.manage().window().setSize(new Dimension(WIDTH, (int) (HEIGHT + page - viewport)));
        }
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
